package io.csc.chat.tools;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.knowledge.IngestService;
import io.csc.chat.knowledge.KnowledgeHit;
import io.csc.chat.knowledge.KnowledgeService;
import io.smallrye.mutiny.Uni;

/**
 * What the store itself says about its policies, shipping, payment and products (its pages, posts and settings, as
 * indexed by {@code io.csc.chat.knowledge}). OK: {@code text} quotes the best passages, {@code sources} names them with
 * their relevance, {@code data} is the {@link KnowledgeHit} list. NOT_FOUND: nothing relevant enough, so the assistant
 * says it does not know (and offers a handoff) rather than inventing a policy. Never a live fact: prices, stock and
 * orders come from the other tools.
 */
@ApplicationScoped
public class KnowledgeTools {
    static final String TOOL = "knowledge";
    private static final int MAX_QUESTION = 500;

    private final KnowledgeService knowledge;
    private final IngestService ingest;
    private final ToolCalls calls;

    public KnowledgeTools(KnowledgeService knowledge, IngestService ingest, ToolCalls calls) {
        this.knowledge = knowledge;
        this.ingest = ingest;
        this.calls = calls;
    }

    public Uni<ToolResult> search(TurnContext ctx, String question) {
        if (question == null || question.isBlank()) {
            return calls.run(TOOL,
                    Uni.createFrom().item(ToolResult.of(TOOL, ToolResult.Status.INVALID, "What would you like to know?")));
        }
        String q = question.strip();
        String clipped = q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
        return calls.run(TOOL, knowledge.search(ctx.domain(), clipped).map(result -> {
            if (!result.indexed()) {
                ingest.indexInBackground(ctx.domain());
                return ToolResult.of(TOOL, ToolResult.Status.UNAVAILABLE,
                        "I don't have this store's information yet. Please try again in a minute.");
            }
            if (result.hits().isEmpty()) {
                return ToolResult.of(TOOL, ToolResult.Status.NOT_FOUND,
                        "I couldn't find anything about that in the store's pages.");
            }
            return new ToolResult(TOOL, ToolResult.Status.OK, text(result.hits()), result.hits(), List.of(), null,
                    sources(result.hits()));
        }));
    }

    /** The passages quoted, best first, each with where it comes from. */
    static String text(List<KnowledgeHit> hits) {
        StringBuilder sb = new StringBuilder("From the store's pages:");
        for (KnowledgeHit h : hits) {
            sb.append("\n- \"").append(h.text()).append("\" (").append(h.title());
            if (h.heading() != null && !h.heading().isBlank() && !h.heading().equals(h.title())) {
                sb.append(", ").append(h.heading());
            }
            if (h.url() != null && !h.url().isBlank()) {
                sb.append(", ").append(h.url());
            }
            sb.append(")");
        }
        return sb.toString();
    }

    /** One source per page (its best passage's relevance), best first. */
    static List<Source> sources(List<KnowledgeHit> hits) {
        java.util.Map<String, Source> byUrl = new java.util.LinkedHashMap<>();
        for (KnowledgeHit h : hits) {
            String key = h.url() == null ? h.sourceKey() : h.url().toLowerCase(Locale.ROOT);
            byUrl.putIfAbsent(key, new Source(h.url(), h.title(), h.relevance()));
        }
        return List.copyOf(byUrl.values());
    }
}
