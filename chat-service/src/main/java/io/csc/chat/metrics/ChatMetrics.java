package io.csc.chat.metrics;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The service's own counters; names under {@code chat_}. Tags are small fixed sets (never an id, email or text). */
@ApplicationScoped
public class ChatMetrics {
    private final MeterRegistry registry;
    private final Timer llmLatency;

    public ChatMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.llmLatency = Timer.builder("chat_llm_latency").description("Time the model took for a turn").register(registry);
    }

    /** A turn answered: mode builtin|llm, outcome answered|handoff|refused|fallback|error|confirmed|... */
    public void turn(String mode, String outcome) {
        registry.counter("chat_turns", "mode", safe(mode), "outcome", safe(outcome)).increment();
    }

    public void toolCall(String tool, String outcome) {
        registry.counter("chat_tool_calls", "tool", safe(tool), "outcome", safe(outcome)).increment();
    }

    /** A private tool or customer action refused by the gate: reason verification_required|step_up|not_owned. */
    public void gateRefusal(String reason) {
        registry.counter("chat_gate_refusals", "reason", safe(reason)).increment();
    }

    public void handoff(String trigger) {
        registry.counter("chat_handoffs", "trigger", safe(trigger)).increment();
    }

    /** An identity token that was present but expired or forged: the shopper is treated as a guest. */
    public void invalidIdentityToken() {
        registry.counter("chat_identity_tokens_rejected").increment();
    }

    /** For io.csc.chat.grounding: a reply that stated an order fact no tool returned, replaced by a rendered one. */
    public void groundingReplacement() {
        registry.counter("chat_grounding_replacements").increment();
        TurnTally.groundingReplacement();
    }

    public void llmLatency(long nanos) {
        llmLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The model failed (reason timeout|error) and the built-in assistant answered. */
    public void llmFallback(String reason) {
        registry.counter("chat_llm_fallbacks", "reason", safe(reason)).increment();
    }

    private static String safe(String tag) {
        return tag == null ? "none" : tag;
    }
}
