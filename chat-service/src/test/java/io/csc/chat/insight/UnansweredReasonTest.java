package io.csc.chat.insight;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Source;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.turn.AssistantReply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which finished turns leave the shopper's question on the console's unanswered list, and why. */
class UnansweredReasonTest {
    private static AssistantReply reply(String mode, String outcome, Awaiting awaiting, boolean notUnderstood,
            List<ToolResult> results, List<Source> sources) {
        return new AssistantReply("text", sources, null, false, results, mode, outcome, awaiting, notUnderstood);
    }

    @Test
    void answeredFromAPageIsNotUnanswered() {
        ToolResult found = new ToolResult("knowledge", ToolResult.Status.OK, "From the store's pages", List.of(),
                List.of(), null, List.of(new Source("https://shop/returns", "Returns", 0.9)));
        assertNull(TurnLedger.unansweredReason("what is your return policy?",
                reply("builtin", "answered", Awaiting.NOTHING, false, List.of(found), found.sources())));
    }

    @Test
    void eachWayOfNotKnowingHasItsReason() {
        assertEquals("not_understood", TurnLedger.unansweredReason("can I bring my dog?",
                reply("builtin", "answered", Awaiting.NOTHING, true, List.of(), List.of())));
        assertEquals("no_source", TurnLedger.unansweredReason("do you offer gift wrapping?",
                reply("builtin", "answered", Awaiting.HANDOFF_OFFER, false, List.of(), List.of())));
        assertEquals("no_source", TurnLedger.unansweredReason("do you have a loyalty program?",
                reply("llm", "answered", Awaiting.NOTHING, false,
                        List.of(ToolResult.of("knowledge", ToolResult.Status.NOT_FOUND, "nothing")), List.of())));
        assertEquals("no_source", TurnLedger.unansweredReason("is the shop open on sundays?",
                reply("llm", "answered", Awaiting.NOTHING, false, List.of(), List.of())));
        assertEquals("failed", TurnLedger.unansweredReason("where is my order?",
                reply("builtin", "error", Awaiting.NOTHING, false, List.of(), List.of())));
        assertEquals("handoff", TurnLedger.unansweredReason("I want to talk to a person about my order",
                reply("builtin", "handoff", Awaiting.NOTHING, false, List.of(), List.of())));
    }

    @Test
    void confirmationsGreetingsAndEmptyMessagesAreNotQuestions() {
        assertNull(
                TurnLedger.unansweredReason("yes", reply("core", "answered", Awaiting.NOTHING, false, List.of(), List.of())));
        assertNull(TurnLedger.unansweredReason("hello there",
                reply("llm", "answered", Awaiting.NOTHING, false, List.of(), List.of())));
        assertNull(
                TurnLedger.unansweredReason(" ", reply("builtin", "answered", Awaiting.NOTHING, true, List.of(), List.of())));
    }
}
