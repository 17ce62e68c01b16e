package io.csc.chat.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.csc.chat.knowledge.IngestService;
import io.csc.chat.knowledge.KnowledgeRepository;
import io.csc.chat.knowledge.KnowledgeService;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Operators' knowledge routes (admin bearer token, as every {@code /api/admin/chat/**} route): a re-index now, and the
 * passages a question would find, to see what the assistant would quote.
 */
@Path("/api/admin/chat/knowledge")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class KnowledgeAdminResource {
    private static final Pattern LANGUAGE = Pattern.compile("[a-z_]{2,40}");

    private final IngestService ingest;
    private final KnowledgeService knowledge;
    private final KnowledgeRepository repository;

    public KnowledgeAdminResource(IngestService ingest, KnowledgeService knowledge, KnowledgeRepository repository) {
        this.ingest = ingest;
        this.knowledge = knowledge;
        this.repository = repository;
    }

    /** 503 {@code store_unavailable} when nothing of the store could be read (its passages are then kept as they were). */
    @POST
    @Path("/reindex")
    public Uni<Map<String, Object>> reindex(@RestQuery String domain, @RestQuery String language) {
        String d = PublicEdge.domain(domain);
        Uni<String> lang;
        if (language == null || language.isBlank()) {
            lang = Uni.createFrom().nullItem();
        } else {
            String l = language.trim().toLowerCase(java.util.Locale.ROOT);
            if (!LANGUAGE.matcher(l).matches()) {
                throw ApiException.badRequest("language must be a PostgreSQL text search configuration, e.g. english");
            }
            lang = repository.languageExists(l).map(ok -> {
                if (!ok) {
                    throw ApiException.badRequest("unknown text search language: " + l);
                }
                return l;
            });
        }
        return lang.chain(l -> ingest.reindex(d, l))
                .onFailure(IngestService.EmbeddingFailedException.class).transform(e -> ApiException.unavailable(
                        "embeddings_unavailable", "The embedding model failed; the previous passages are kept"))
                .map(r -> {
                    if (r.storeUnavailable()) {
                        throw ApiException.unavailable("store_unavailable",
                                "The store could not be read; its previous passages are kept");
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("success", true);
                    body.put("domain", r.domain());
                    body.put("language", r.language());
                    body.put("added", r.added());
                    body.put("changed", r.changed());
                    body.put("removed", r.removed());
                    body.put("unchanged", r.unchanged());
                    body.put("passages", r.passages());
                    body.put("failed", r.failed());
                    body.put("durationMillis", r.durationMillis());
                    return body;
                });
    }

    /**
     * The store's index status: when it was last indexed, the last attempt and its status, and what the last full
     * re-index did ({@code lastResult}: added, changed, removed, unchanged, passages, failed parts, at). 404
     * {@code not_indexed} for a store never indexed.
     */
    @GET
    @Path("/reindex")
    public Uni<Map<String, Object>> lastReindex(@RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        return repository.status(d).map(s -> s.orElseThrow(() -> new ApiException(404, "not_indexed",
                "This store's knowledge has not been indexed yet")).getMap());
    }

    @GET
    @Path("/search")
    public Uni<Map<String, Object>> search(@RestQuery String domain, @RestQuery String q) {
        String d = PublicEdge.domain(domain);
        if (q == null || q.isBlank() || q.length() > 2000) {
            throw ApiException.badRequest("q must be 1 to 2000 characters");
        }
        return knowledge.search(d, q.trim()).map(r -> Map.of("success", true, "domain", d, "indexed", r.indexed(),
                "hits", (Object) (r.hits() == null ? List.of() : r.hits())));
    }
}
