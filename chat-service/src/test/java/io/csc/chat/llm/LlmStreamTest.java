package io.csc.chat.llm;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.tools.Fact;
import io.csc.chat.tools.OrderTools;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.tools.ToolResult.Status;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.StreamedReply;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import static io.csc.chat.llm.OpenAiStubs.afterTool;
import static io.csc.chat.llm.OpenAiStubs.firstCall;
import static io.csc.chat.llm.OpenAiStubs.sse;
import static io.csc.chat.llm.OpenAiStubs.sseAnswer;
import static io.csc.chat.llm.OpenAiStubs.sseToolCall;
import static io.csc.chat.llm.OpenAiStubs.streaming;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/** Streamed model turns: deltas as written when nothing needs checking, one checked piece when something does. */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class LlmStreamTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    @Named("llm")
    Assistant llm;

    @InjectMock
    OrderTools orders;

    @BeforeEach
    void reset() {
        wm().resetAll();
    }

    @Test
    void a_turn_without_private_tools_streams_the_models_deltas() {
        wm().stubFor(streaming(firstCall()).willReturn(sse(sseAnswer("Hello", " there,", " how can I help?"))));

        StreamedReply streamed = llm.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "hi"));
        List<String> deltas = streamed.deltas().collect().asList().await().atMost(WAIT);
        AssistantReply reply = streamed.reply().await().atMost(WAIT);

        assertEquals(List.of("Hello", " there,", " how can I help?"), deltas);
        assertEquals("Hello there, how can I help?", reply.message());
        assertEquals("llm", reply.mode());
    }

    @Test
    void a_turn_in_which_a_private_tool_ran_arrives_in_one_checked_piece() {
        when(orders.orderStatus(any(), eq(1234L))).thenReturn(Uni.createFrom().item(new ToolResult("orderStatus",
                Status.OK, "Order #1234: processing.", null,
                List.of(new Fact("order_number", "1234"), new Fact("status", "processing")), null, List.of())));
        wm().stubFor(streaming(firstCall()).willReturn(sse(sseToolCall("orderStatus", "{\"orderNumber\":1234}"))));
        wm().stubFor(streaming(afterTool()).willReturn(sse(sseAnswer("Your order ", "#1234 is ", "processing."))));

        StreamedReply streamed = llm.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "order 1234?"));
        List<String> deltas = streamed.deltas().collect().asList().await().atMost(WAIT);
        AssistantReply reply = streamed.reply().await().atMost(WAIT);

        assertEquals(List.of("Your order #1234 is processing."), deltas);
        assertEquals("Your order #1234 is processing.", reply.message());
    }

    @Test
    void a_streamed_invented_order_fact_is_held_back_and_replaced() {
        wm().stubFor(streaming(firstCall()).willReturn(sse(sseAnswer("Sure. ", "Your order #1234 ", "was delivered."))));

        StreamedReply streamed = llm.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(),
                "did order 1234 arrive?"));
        List<String> deltas = streamed.deltas().collect().asList().await().atMost(WAIT);
        AssistantReply reply = streamed.reply().await().atMost(WAIT);

        assertEquals(List.of("Sure. "), deltas);
        assertTrue(reply.message().startsWith("I can only give order details that I have looked up"), reply.message());
    }
}
