package io.csc.chat.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.grounding.Evidence;
import io.csc.chat.grounding.EvidenceStore;
import io.csc.chat.grounding.GroundingChecker;
import io.csc.chat.grounding.GroundingVerdict;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.StreamedReply;
import io.csc.chat.turn.Turn;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The model as the store's assistant, over chat-core's tools.
 * <ol>
 * <li>The AI service runs on a worker thread (its tool loop blocks), with the turn's server-side context in the
 * invocation parameters, never in anything the model sees.</li>
 * <li>The reply is checked against the order facts the tools returned in this conversation; a reply stating one they
 * did not is replaced by one rendered from the tool results ({@code chat_grounding_replacements}).</li>
 * <li>The reply's ui, sources and requiresVerification come from the tool results, not from the model's text.</li>
 * <li>A model error fails the reply; the time limit and the fallback to the built-in assistant are the turn's
 * ({@link io.csc.chat.turn.AssistantSelector}), which tells this assistant what was answered in its place
 * ({@link #answeredInstead}).</li>
 * </ol>
 */
@ApplicationScoped
@Named("llm")
public class LlmAssistant implements Assistant {
    private final StoreAssistantAi ai;
    private final EvidenceStore evidenceStore;
    private final LlmMemoryProvider memory;
    private final LlmMemoryStore memoryStore;
    private final ChatMetrics metrics;

    public LlmAssistant(StoreAssistantAi ai, EvidenceStore evidenceStore, LlmMemoryProvider memory,
            LlmMemoryStore memoryStore, ChatMetrics metrics) {
        this.ai = ai;
        this.evidenceStore = evidenceStore;
        this.memory = memory;
        this.memoryStore = memoryStore;
        this.metrics = metrics;
    }

    @Override
    public Uni<AssistantReply> reply(Turn turn) {
        Context vertx = Vertx.currentContext();
        TurnScope scope = new TurnScope(turn.context(), vertx);
        TurnContext ctx = turn.context();
        return blocking(vertx, () -> {
            String text;
            scope.open();
            try {
                text = ai.chat(ctx.conversationId(), turn.message(), scope.toParameters());
            } finally {
                scope.close();
            }
            return finish(turn, scope, text);
        });
    }

    @Override
    public StreamedReply stream(Turn turn) {
        return new LlmStream(this, turn).start();
    }

    /** The grounded reply of a finished model turn. Blocking (Redis): runs on a worker thread. */
    AssistantReply finish(Turn turn, TurnScope scope, String modelText) {
        String conversationId = turn.context().conversationId();
        List<ToolResult> results = scope.results();
        Evidence turnEvidence = Evidence.of(results);
        // kept for later turns as hashes: what this turn's tools returned, not what the shopper wrote
        Set<String> turnHashes = turnEvidence.hashedKeys();
        // a model that ends its turn with no words still owes the shopper an answer: the tools' own texts
        String text = modelText == null || modelText.isBlank() ? GroundingChecker.render(results) : modelText;
        GroundingVerdict verdict = GroundingChecker.check(text, () -> {
            // the conversation's evidence, gathered only for a reply that states an order fact
            turnEvidence.addShopperText(turn.message());
            for (HistoryMessage h : turn.history() == null ? List.<HistoryMessage>of() : turn.history()) {
                if ("user".equals(h.role())) {
                    turnEvidence.addShopperText(h.text());
                }
            }
            return turnEvidence.addHashed(evidenceStore.load(conversationId));
        }, results);
        if (verdict.replaced()) {
            metrics.groundingReplacement();
            Log.infof("Model reply stated %d order fact(s) no tool returned (%s); replaced by the tool results",
                    verdict.ungrounded().size(),
                    verdict.ungrounded().stream().map(c -> c.kind()).distinct().toList());
            replaceLastAnswerInMemory(conversationId, verdict.message());
        }
        evidenceStore.remember(conversationId, turnHashes);
        return toReply(verdict.message(), results);
    }

    static AssistantReply toReply(String message, List<ToolResult> results) {
        Map<String, Source> sources = new LinkedHashMap<>();
        Ui ui = null;
        boolean requiresVerification = false;
        String outcome = "answered";
        for (ToolResult r : results) {
            if (r.sources() != null) {
                r.sources().forEach(s -> sources.putIfAbsent(s.url(), s));
            }
            if (r.ui() != null) {
                ui = r.ui(); // the last tool's hint is the one the reply asks for
            }
            if (r.status() == ToolResult.Status.VERIFICATION_REQUIRED || r.status() == ToolResult.Status.STEP_UP_REQUIRED) {
                requiresVerification = true;
            }
            if (r.status() == ToolResult.Status.NOT_OWNED) {
                outcome = "refused";
            }
            if (r.ui() != null && Boolean.TRUE.equals(r.ui().handoff())) {
                outcome = "handoff";
            }
        }
        return new AssistantReply(message, new ArrayList<>(sources.values()), ui, requiresVerification, results, "llm",
                outcome);
    }

    /** The model's memory learns the exchange the built-in assistant answered, so the model's next turn follows on. */
    @Override
    public Uni<Void> answeredInstead(Turn turn, AssistantReply reply) {
        return blocking(Vertx.currentContext(), () -> {
            rememberExchange(turn, reply.message());
            return null;
        }).replaceWithVoid();
    }

    private void rememberExchange(Turn turn, String answer) {
        var chatMemory = memory.get(turn.context().conversationId());
        chatMemory.add(UserMessage.from(turn.message()));
        chatMemory.add(AiMessage.from(answer));
    }

    /** The model must not read its own invention back next turn as if it had been said. */
    private void replaceLastAnswerInMemory(String conversationId, String message) {
        List<ChatMessage> messages = memoryStore.getMessages(conversationId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof AiMessage last && !last.hasToolExecutionRequests()) {
                messages.set(i, AiMessage.from(message));
                memoryStore.updateMessages(conversationId, messages);
                return;
            }
        }
    }

    StoreAssistantAi ai() {
        return ai;
    }

    ChatMetrics metrics() {
        return metrics;
    }

    /** Runs blocking work off the event loop and resumes on the request's Vert.x context (chat-core continues there). */
    static <T> Uni<T> blocking(Context vertx, Callable<T> work) {
        if (vertx == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        return Uni.createFrom().emitter(em -> vertx.executeBlocking(work, false).onComplete(ar -> {
            if (ar.succeeded()) {
                em.complete(ar.result());
            } else {
                em.fail(ar.cause());
            }
        }));
    }
}
