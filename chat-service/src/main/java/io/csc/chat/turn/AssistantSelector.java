package io.csc.chat.turn;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.metrics.ChatMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Picks the assistant for a turn: the model when an API key is configured and a {@code @Named("llm")} bean exists,
 * falling back to the built-in assistant when the model fails or takes longer than {@code CHAT_LLM_TIMEOUT}; the
 * built-in assistant otherwise.
 */
@ApplicationScoped
public class AssistantSelector {
    private final Assistant builtin;
    private final Instance<Assistant> llm;
    private final boolean llmEnabled;
    private final Duration llmTimeout;
    private final ChatMetrics metrics;

    public AssistantSelector(@Named("builtin") Assistant builtin, @Any Instance<Assistant> all,
            ChatConfig config, ChatMetrics metrics) {
        String apiKey = config.llm().apiKey().orElse("");
        this.builtin = builtin;
        this.llm = all.select(jakarta.enterprise.inject.literal.NamedLiteral.of("llm"));
        this.llmEnabled = !apiKey.isBlank() && !"none".equals(apiKey) && llm.isResolvable();
        this.llmTimeout = config.llm().timeout();
        this.metrics = metrics;
    }

    public boolean llmActive() {
        return llmEnabled;
    }

    public Assistant primary() {
        return llmEnabled ? llm.get() : builtin;
    }

    public Assistant builtin() {
        return builtin;
    }

    public Uni<AssistantReply> reply(Turn turn) {
        if (!llmEnabled) {
            return builtin.reply(turn);
        }
        long start = System.nanoTime();
        return llm.get().reply(turn).ifNoItem().after(llmTimeout).fail()
                .invoke(() -> metrics.llmLatency(System.nanoTime() - start))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Model failed (%s); the built-in assistant answers", e.getClass().getSimpleName());
                    metrics.llmFallback(e instanceof io.smallrye.mutiny.TimeoutException ? "timeout" : "error");
                    return builtin.reply(turn);
                });
    }

    /**
     * The turn as a stream. A model that fails or times out is replaced by the built-in assistant's reply in the final
     * object (its deltas stop where the model stopped).
     */
    public StreamedReply stream(Turn turn) {
        if (!llmEnabled) {
            return builtin.stream(turn);
        }
        long start = System.nanoTime();
        StreamedReply streamed = llm.get().stream(turn);
        Uni<AssistantReply> reply = streamed.reply().ifNoItem().after(llmTimeout).fail()
                .invoke(() -> metrics.llmLatency(System.nanoTime() - start))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Model failed while streaming (%s); the built-in assistant answers",
                            e.getClass().getSimpleName());
                    metrics.llmFallback(e instanceof io.smallrye.mutiny.TimeoutException ? "timeout" : "error");
                    return builtin.reply(turn);
                }).memoize().indefinitely();
        return new StreamedReply(streamed.deltas().onFailure().recoverWithCompletion(), reply);
    }
}
