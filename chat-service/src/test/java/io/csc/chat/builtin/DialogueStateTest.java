package io.csc.chat.builtin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.HistoryMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where a conversation stands, read from its stored (redacted) history only. */
class DialogueStateTest {

    private final Understander rulesOnly = new Understander(null, 0.45, 0.03);

    private static List<HistoryMessage> history(String... roleText) {
        List<HistoryMessage> h = new ArrayList<>();
        for (int i = 0; i < roleText.length; i += 2) {
            h.add(new HistoryMessage(roleText[i], roleText[i + 1], Instant.EPOCH.plusSeconds(i)));
        }
        return h;
    }

    @Test
    void aCodeRequestAfterACancelKeepsTheTaskAndItsOrderNumber() {
        DialogueState s = DialogueState.of(history("user", "I want to cancel order 52", "assistant", Replies.ASK_EMAIL,
                "user", "[email]", "assistant", Replies.ASK_CODE), rulesOnly);
        assertEquals(Expectation.CODE, s.expecting());
        assertEquals(Intent.CANCEL_ORDER, s.goal());
        assertEquals(52L, s.order());
    }

    @Test
    void aTaskWithoutNumberTakesTheNumberOfAnEarlierMessage() {
        DialogueState s = DialogueState.of(history("user", "status of order 56", "assistant", "Your order #56 is processing.",
                "user", "cancel it", "assistant", Replies.ASK_EMAIL), rulesOnly);
        assertEquals(Expectation.EMAIL, s.expecting());
        assertEquals(Intent.CANCEL_ORDER, s.goal());
        assertEquals(56L, s.order());
    }

    @Test
    void aNumberGivenOnRequestContinuesTheTask() {
        DialogueState s = DialogueState.of(history("user", "where is my package?", "assistant", Replies.ASK_ORDER, "user",
                "55", "assistant", Replies.ASK_EMAIL), rulesOnly);
        assertEquals(Intent.TRACKING, s.goal());
        assertEquals(55L, s.order());
    }

    @Test
    void aFailedTurnAndAnOfferToPassTheQuestionOnAreRecognised() {
        assertTrue(DialogueState.of(history("user", "asdf", "assistant", Replies.NOT_UNDERSTOOD), rulesOnly).failedBefore());
        DialogueState policy = DialogueState.of(history("user", "what is your return policy", "assistant",
                Replies.POLICY_UNKNOWN), rulesOnly);
        assertTrue(policy.offeredTeam());
        assertEquals(Expectation.YES_NO, policy.expecting());
        assertFalse(policy.failedBefore());
    }

    @Test
    void aGreetingEndsTheSearchForAnEarlierTask() {
        DialogueState s = DialogueState.of(history("user", "cancel order 52", "assistant", "Done.", "user", "thanks!",
                "assistant", Replies.THANKS), rulesOnly);
        assertNull(s.goal());
        assertEquals(Expectation.NONE, s.expecting());
    }
}
