package io.csc.chat.knowledge;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.StreamMessage;
import io.quarkus.redis.datasource.stream.XGroupCreateArgs;
import io.quarkus.redis.datasource.stream.XReadGroupArgs;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Product webhooks refresh product passages. The gateway writes each signed {@code product.*} webhook to the Redis
 * stream {@code csc:store-events} (domain, topic, productId, status; docs/internal-api.md); every couple of seconds this
 * reads what arrived, in a consumer group so that each event is handled by one replica, and per store:
 * <ol>
 * <li>removes at once the passages of products that were deleted or are no longer published (by the event's product
 * id: even a store that cannot be read right now stops being quoted about them);</li>
 * <li>refreshes the store's products and categories from the catalog ({@link IngestService#refreshProducts}): only
 * changed products are embedded again. Events that arrive together cost one refresh per store (a bulk edit of 500
 * products is one catalog read, not 500).</li>
 * </ol>
 * An event is acknowledged once handled, refreshed or not; one read by a replica that stopped before acknowledging it
 * is taken over after {@code chat.knowledge.events.claim-after}. A store that cannot be read keeps its passages and the
 * daily re-index catches up. Only the replica that handled an event drops its in-memory index at once; the others see
 * the change when theirs expires (5 minutes), as after a re-index.
 */
@ApplicationScoped
public class ProductEvents {
    /** Events read per poll at most. */
    private static final int BATCH = 500;

    private final ReactiveStreamCommands<String, String, String> streams;
    private final IngestService ingest;
    private final KnowledgeRepository repository;
    private final KnowledgeIndex index;
    private final KnowledgeConfig.Events config;
    private final String consumer;
    private volatile boolean groupReady;

    public ProductEvents(ReactiveRedisDataSource redis, IngestService ingest, KnowledgeRepository repository,
            KnowledgeIndex index, KnowledgeConfig config) {
        this.streams = redis.stream(String.class);
        this.ingest = ingest;
        this.repository = repository;
        this.index = index;
        this.config = config.events();
        // "pid@host": one consumer per process
        this.consumer = ManagementFactory.getRuntimeMXBean().getName();
    }

    /** What one poll did: events read, stores refreshed. */
    public record Handled(int events, int stores) {
    }

    @Scheduled(identity = "knowledge-product-events", every = "${chat.knowledge.events.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return poll().onFailure().recoverWithItem(e -> {
            Log.warnf("Knowledge: store events could not be read (%s)", e.getClass().getSimpleName());
            return null;
        }).replaceWithVoid();
    }

    /** Reads the events that arrived (and those another replica left unacknowledged) and handles them. */
    public Uni<Handled> poll() {
        return ensureGroup()
                .chain(() -> streams.xautoclaim(config.stream(), config.group(), consumer, config.claimAfter(), "0-0", BATCH))
                .map(claimed -> claimed.getMessages())
                .chain(claimed -> streams.xreadgroup(config.group(), consumer, config.stream(), ">",
                        new XReadGroupArgs().count(BATCH)).map(fresh -> {
                            List<StreamMessage<String, String, String>> all = new ArrayList<>(claimed);
                            all.addAll(fresh);
                            return all;
                        }))
                .chain(this::handle);
    }

    private Uni<Void> ensureGroup() {
        if (groupReady) {
            return Uni.createFrom().voidItem();
        }
        // "$": events from now on; what happened before is in the store's first full index
        return streams.xgroupCreate(config.stream(), config.group(), "$", new XGroupCreateArgs().mkstream())
                .onFailure(e -> String.valueOf(e.getMessage()).contains("BUSYGROUP")).recoverWithNull()
                .invoke(() -> groupReady = true);
    }

    private Uni<Handled> handle(List<StreamMessage<String, String, String>> messages) {
        if (messages.isEmpty()) {
            return Uni.createFrom().item(new Handled(0, 0));
        }
        // per store: the products to remove now; every store with an event gets one catalog refresh
        Map<String, Set<String>> gone = new LinkedHashMap<>();
        for (StreamMessage<String, String, String> m : messages) {
            Map<String, String> e = m.payload();
            String domain = e.get("domain");
            String topic = e.get("topic");
            if (domain == null || domain.isBlank() || topic == null || !topic.startsWith("product.")) {
                continue;
            }
            Set<String> removals = gone.computeIfAbsent(domain, d -> new LinkedHashSet<>());
            String id = e.get("productId");
            String status = e.get("status");
            if (id != null && id.matches("[0-9]{1,19}")
                    && ("product.deleted".equals(topic) || status != null && !"publish".equals(status))) {
                removals.add("product:" + id);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Set<String>> store : gone.entrySet()) {
            chain = chain.chain(() -> refresh(store.getKey(), List.copyOf(store.getValue())));
        }
        String[] ids = messages.stream().map(StreamMessage::id).toArray(String[]::new);
        return chain.chain(() -> streams.xack(config.stream(), config.group(), ids))
                .map(acked -> new Handled(messages.size(), gone.size()));
    }

    private Uni<Void> refresh(String domain, List<String> removed) {
        Uni<Void> removal = removed.isEmpty()
                ? Uni.createFrom().voidItem()
                : repository.language(domain).chain(lang -> lang.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : repository.apply(domain, List.of(), removed, null).invoke(() -> index.invalidate(domain)));
        return removal.chain(() -> ingest.refreshProducts(domain)).invoke(result -> result.ifPresent(r -> Log.infof(
                "Knowledge: products of %s refreshed after a webhook: %d added, %d changed, %d removed (and %d by the "
                        + "webhook's product id)%s",
                domain, r.added(), r.changed(), r.removed(), removed.size(),
                r.failed().isEmpty() ? "" : "; the catalog could not be read, the daily re-index catches up")))
                .onFailure().recoverWithItem(e -> {
                    // acknowledged all the same: the daily re-index catches up, and a store that is gone does not come back
                    Log.warnf("Knowledge: products of %s not refreshed after a webhook: %s", domain,
                            e.getClass().getSimpleName());
                    return null;
                })
                .replaceWithVoid();
    }
}
