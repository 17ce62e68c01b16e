package io.csc.chat.knowledge;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Keeps every indexed store fresh ({@code CHAT_KNOWLEDGE_REINDEX_EVERY}, daily by default). Unchanged pages cost a
 * comparison of {@code modified_gmt}, not a new embedding.
 */
@ApplicationScoped
public class KnowledgeReindexJob {
    private final IngestService ingest;

    public KnowledgeReindexJob(IngestService ingest) {
        this.ingest = ingest;
    }

    @Scheduled(identity = "knowledge-reindex", every = "${chat.knowledge.reindex-every}", delayed = "${chat.knowledge.reindex-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> reindexAll() {
        return ingest.reindexAll().invoke(results -> results.forEach((domain, r) -> Log.infof(
                "Knowledge: %s re-indexed: %d added, %d changed, %d removed, %d passages%s", domain, r.added(),
                r.changed(), r.removed(), r.passages(), r.failed().isEmpty() ? "" : ", not read: " + r.failed())))
                .replaceWithVoid();
    }
}
