package io.csc.chat.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.tools.ProductTools;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.tools.ToolResult.Status;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.AssistantSelector;
import io.csc.chat.turn.StreamedReply;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static io.csc.chat.llm.OpenAiStubs.firstCall;
import static io.csc.chat.llm.OpenAiStubs.requests;
import static io.csc.chat.llm.OpenAiStubs.sse;
import static io.csc.chat.llm.OpenAiStubs.sseAnswer;
import static io.csc.chat.llm.OpenAiStubs.streaming;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

/**
 * The model's call has one owner, the turn's {@link AssistantSelector}: it applies {@code CHAT_LLM_TIMEOUT}, falls back
 * to the built-in assistant on a model error or timeout, counts it, and tells the model what was answered instead. The
 * model's own assistant has no fallback. (No key at all: {@code LlmDisabledTest}.)
 */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class ModelFallbackTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AssistantSelector selector;
    @Inject
    @Named("llm")
    Assistant llm;
    @Inject
    MeterRegistry registry;

    @InjectMock
    ProductTools products;

    @BeforeEach
    void reset() {
        wm().resetAll();
        ToolResult none = ToolResult.of("search", Status.NOT_FOUND, "No product matches that.");
        when(products.search(any(), any())).thenReturn(Uni.createFrom().item(none));
        when(products.stock(any(), any())).thenReturn(Uni.createFrom().item(none));
        when(products.details(any(), anyLong())).thenReturn(Uni.createFrom().item(none));
    }

    @Test
    void a_model_answer_is_the_models() {
        wm().stubFor(firstCall().willReturn(okJson(OpenAiStubs.answer("We have two hoodies."))));

        AssistantReply reply = selector.reply(LlmAssistantTest.turn(LlmAssistantTest.newConversation(),
                "do you have hoodies?")).await().atMost(WAIT);

        assertEquals("llm", reply.mode());
        assertEquals("We have two hoodies.", reply.message());
    }

    @Test
    void a_model_error_falls_back_to_the_builtin_assistant_and_the_model_learns_the_exchange() {
        String conv = LlmAssistantTest.newConversation();
        double before = counter("error");
        wm().stubFor(firstCall().willReturn(serverError().withBody("{\"error\":{\"message\":\"boom\"}}")));

        AssistantReply reply = selector.reply(LlmAssistantTest.turn(conv, "do you have hoodies?")).await().atMost(WAIT);

        assertEquals("builtin", reply.mode());
        assertFalse(reply.message().isBlank());
        assertEquals(before + 1, counter("error"));

        // the next turn's request to the model carries the exchange the built-in assistant answered
        wm().resetAll();
        wm().stubFor(firstCall().willReturn(okJson(OpenAiStubs.answer("Anything else?"))));
        selector.reply(LlmAssistantTest.turn(conv, "thanks")).await().atMost(WAIT);
        List<String> sent = new ArrayList<>();
        requests().get(0).get("messages").forEach(m -> sent.add(m.path("role").asText() + ": " + m.path("content").asText()));
        assertTrue(sent.contains("user: do you have hoodies?"), sent.toString());
        assertTrue(sent.contains("assistant: " + reply.message()), sent.toString());
    }

    @Test
    void the_models_own_assistant_has_no_fallback() {
        double before = counter("error");
        wm().stubFor(firstCall().willReturn(serverError().withBody("{\"error\":{\"message\":\"boom\"}}")));

        Uni<AssistantReply> direct = llm.reply(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "hi"));

        assertThrows(RuntimeException.class, () -> direct.await().atMost(WAIT));
        assertEquals(before, counter("error"));
    }

    @Test
    void a_slow_model_falls_back_to_the_builtin_assistant_within_the_timeout() {
        double before = counter("timeout");
        wm().stubFor(firstCall().willReturn(okJson(OpenAiStubs.answer("too late")).withFixedDelay(45000)));

        long start = System.nanoTime();
        AssistantReply reply = selector.reply(LlmAssistantTest.turn(LlmAssistantTest.newConversation(),
                "do you have hoodies?")).await().atMost(WAIT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("builtin", reply.mode());
        assertFalse(reply.message().isBlank());
        assertTrue(millis < 40000, "took " + millis + " ms");
        assertEquals(before + 1, counter("timeout"));
    }

    @Test
    void a_streamed_model_error_streams_the_builtin_answer() {
        double before = counter("error");
        wm().stubFor(streaming(firstCall()).willReturn(serverError().withBody("{\"error\":{\"message\":\"boom\"}}")));

        StreamedReply streamed = selector.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(),
                "do you have hoodies?"));
        List<String> deltas = streamed.deltas().collect().asList().await().atMost(WAIT);
        AssistantReply reply = streamed.reply().await().atMost(WAIT);

        assertEquals("builtin", reply.mode());
        assertEquals(List.of(reply.message()), deltas);
        assertEquals(before + 1, counter("error"));
    }

    @Test
    void a_slow_streamed_model_is_cut_off_at_the_timeout_and_the_builtin_assistant_answers() {
        double before = counter("timeout");
        wm().stubFor(streaming(firstCall()).willReturn(sse(sseAnswer("too", " late")).withFixedDelay(45000)));

        long start = System.nanoTime();
        StreamedReply streamed = selector.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(),
                "do you have hoodies?"));
        List<String> deltas = streamed.deltas().collect().asList().await().atMost(WAIT);
        AssistantReply reply = streamed.reply().await().atMost(WAIT);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertEquals("builtin", reply.mode());
        assertEquals(List.of(reply.message()), deltas);
        assertTrue(millis < 40000, "took " + millis + " ms");
        assertEquals(before + 1, counter("timeout"));
    }

    private double counter(String reason) {
        var c = registry.find("chat_llm_fallbacks").tags("reason", reason).counter();
        return c == null ? 0 : c.count();
    }
}
