package io.csc.chat.builtin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.understanding.Intent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a conversation stands: the state stored with the last reply, and the task of the shopper's messages. */
class DialogueStateTest {

    private final Understander rulesOnly = new Understander(null, 0.45, 0.03);

    /** A user message (a String) or an assistant message (its stored state; the text says nothing). */
    private static List<HistoryMessage> history(Object... messages) {
        List<HistoryMessage> h = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            Instant at = Instant.EPOCH.plusSeconds(i);
            if (messages[i] instanceof String text) {
                h.add(new HistoryMessage("user", text, at));
            } else {
                h.add(new HistoryMessage("assistant", "(reply)", at, (Dialogue) messages[i]));
            }
        }
        return h;
    }

    private static Dialogue awaiting(Awaiting a) {
        return new Dialogue(a, null, null, List.of(), "en", 0);
    }

    @Test
    void aCodeRequestAfterACancelKeepsTheTaskAndItsOrderNumber() {
        DialogueState s = DialogueState.of(history("I want to cancel order 52", awaiting(Awaiting.EMAIL), "[email]",
                awaiting(Awaiting.CODE)), rulesOnly);
        assertEquals(Expectation.CODE, s.expecting());
        assertEquals(Intent.CANCEL_ORDER, s.goal());
        assertEquals(52L, s.order());
    }

    @Test
    void theExpectationComesFromTheStoredStateNotFromTheReplysWords() {
        List<HistoryMessage> h = history("cancel order 52");
        // a reply whose words would once have been read as asking for a code, stored as waiting for nothing
        h.add(new HistoryMessage("assistant", "I've sent a 6-digit code. Please confirm.", Instant.EPOCH.plusSeconds(9),
                Dialogue.START));
        assertEquals(Expectation.NONE, DialogueState.of(h, rulesOnly).expecting());
        // a reply stored before states were: nothing is awaited
        List<HistoryMessage> old = history("cancel order 52");
        old.add(new HistoryMessage("assistant", "I've sent a 6-digit code.", Instant.EPOCH.plusSeconds(9)));
        assertEquals(Expectation.NONE, DialogueState.of(old, rulesOnly).expecting());
    }

    @Test
    void aTaskWithoutNumberTakesTheNumberOfAnEarlierMessage() {
        DialogueState s = DialogueState.of(history("status of order 56", Dialogue.START, "cancel it",
                awaiting(Awaiting.EMAIL)), rulesOnly);
        assertEquals(Expectation.EMAIL, s.expecting());
        assertEquals(Intent.CANCEL_ORDER, s.goal());
        assertEquals(56L, s.order());
    }

    @Test
    void aTaskWithoutNumberTakesTheOrderInFocus() {
        // the focus is carried from reply to reply: the last one's is the one that counts
        Dialogue focus56 = new Dialogue(Awaiting.CODE, null, 56L, List.of(), "en", 0);
        DialogueState s = DialogueState.of(history("where is my parcel?", Dialogue.START, "cancel it", focus56), rulesOnly);
        assertEquals(Intent.CANCEL_ORDER, s.goal());
        assertEquals(56L, s.order());
    }

    @Test
    void aNumberGivenOnRequestContinuesTheTask() {
        DialogueState s = DialogueState.of(history("where is my package?", awaiting(Awaiting.ORDER_NUMBER), "55",
                awaiting(Awaiting.EMAIL)), rulesOnly);
        assertEquals(Intent.TRACKING, s.goal());
        assertEquals(55L, s.order());
    }

    @Test
    void aFailedTurnAndAnOfferToPassTheQuestionOnAreRecognised() {
        Dialogue failed = new Dialogue(Awaiting.NOTHING, null, null, List.of(), "en", 1);
        assertTrue(DialogueState.of(history("asdf", failed), rulesOnly).failedBefore());
        DialogueState policy = DialogueState.of(history("what is your return policy", awaiting(Awaiting.HANDOFF_OFFER)),
                rulesOnly);
        assertTrue(policy.offeredTeam());
        assertEquals(Expectation.YES_NO, policy.expecting());
        assertFalse(policy.failedBefore());
    }

    @Test
    void aGreetingEndsTheSearchForAnEarlierTask() {
        DialogueState s = DialogueState.of(history("cancel order 52", Dialogue.START, "thanks!", Dialogue.START), rulesOnly);
        assertNull(s.goal());
        assertEquals(Expectation.NONE, s.expecting());
    }

    @Test
    void aChangeOfMindEndsTheTask() {
        for (String taken : new String[]{"never mind, don't cancel it", "wait, I still want it actually", "no",
                "hmm actually never mind, don't send it"}) {
            DialogueState s = DialogueState.of(history("cancel order 52", awaiting(Awaiting.CODE), taken, Dialogue.START,
                    "123456", awaiting(Awaiting.NOTHING)), rulesOnly);
            assertNull(s.goal(), taken);
        }
    }
}
