package io.csc.chat.turn;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.metrics.ChatMetrics;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;

/**
 * The one owner of the model's call: it decides whether the model or the built-in assistant answers a turn, gives the
 * model {@code CHAT_LLM_TIMEOUT} for it, and falls back to the built-in assistant when the model fails or is too slow,
 * counting each fallback ({@code chat_llm_fallbacks}, reason timeout|error) and the model's latency. The model's
 * assistant ({@code @Named("llm")}) only calls the model: it has no timeout, no fallback and no built-in assistant of
 * its own.
 * <ul>
 * <li>No API key (empty or {@code none}), or no {@code @Named("llm")} bean: the built-in assistant answers every turn
 * and the model is never called.</li>
 * <li>A fallback tells the model's assistant what was answered in its place
 * ({@link Assistant#answeredInstead}), so its memory of the conversation has no gap.</li>
 * <li>Streamed: the model's deltas flow until it finishes, fails or its time is up; when the built-in assistant then
 * answers and the model had sent nothing, its message is the one delta. The final reply is always the one to keep.</li>
 * </ul>
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

    /** Whether the model answers turns (an API key is configured and the model's assistant exists). */
    public boolean llmActive() {
        return llmEnabled;
    }

    public Uni<AssistantReply> reply(Turn turn) {
        if (!llmEnabled) {
            return builtin.reply(turn);
        }
        long start = System.nanoTime();
        Assistant model = llm.get();
        return Uni.createFrom().deferred(() -> model.reply(turn)).ifNoItem().after(llmTimeout).fail()
                .invoke(() -> metrics.llmLatency(System.nanoTime() - start))
                .onFailure().recoverWithUni(e -> fallback(model, turn, e instanceof TimeoutException, e));
    }

    /**
     * The turn as a stream. The model's deltas stop when its time is up; a model that fails or times out is replaced by
     * the built-in assistant's reply in the final object.
     */
    public StreamedReply stream(Turn turn) {
        if (!llmEnabled) {
            return builtin.stream(turn);
        }
        long start = System.nanoTime();
        long deadline = start + llmTimeout.toNanos();
        Assistant model = llm.get();
        StreamedReply streamed = model.stream(turn);
        AtomicBoolean deltaSent = new AtomicBoolean();
        AtomicBoolean fellBack = new AtomicBoolean();
        // the time left is measured from the turn's start: the reply is read after the deltas have ended
        Uni<AssistantReply> reply = Uni.createFrom()
                .deferred(() -> streamed.reply().ifNoItem().after(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))
                        .fail())
                .invoke(() -> metrics.llmLatency(System.nanoTime() - start))
                .onFailure().recoverWithUni(e -> {
                    fellBack.set(true);
                    // the model's stream is cancelled when its time is up: whatever it then fails with, that is a timeout
                    return fallback(model, turn, e instanceof TimeoutException || System.nanoTime() - deadline >= 0, e);
                }).memoize().indefinitely();
        Multi<String> modelDeltas = streamed.deltas().select().first(llmTimeout).invoke(() -> deltaSent.set(true))
                .onFailure().recoverWithCompletion();
        Multi<String> fallbackDelta = reply.toMulti().filter(r -> fellBack.get() && !deltaSent.get())
                .map(AssistantReply::message);
        return new StreamedReply(Multi.createBy().concatenating().streams(modelDeltas, fallbackDelta), reply);
    }

    private Uni<AssistantReply> fallback(Assistant model, Turn turn, boolean timedOut, Throwable e) {
        String reason = timedOut ? "timeout" : "error";
        // class names only: an exception's message may quote the shopper or the model
        Log.warnf("Model failed (%s, %s); the built-in assistant answers this turn", reason, causes(e));
        metrics.llmFallback(reason);
        return builtin.reply(turn)
                .call(reply -> model.answeredInstead(turn, reply).onFailure().recoverWithNull());
    }

    /** The exception's cause chain by class name only. */
    static String causes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 300; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
            if (t instanceof StackOverflowError) {
                break;
            }
        }
        return sb.toString();
    }
}
