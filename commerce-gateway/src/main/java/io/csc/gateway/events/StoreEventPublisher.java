package io.csc.gateway.events;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.stream.ReactiveStreamCommands;
import io.quarkus.redis.datasource.stream.XAddArgs;
import io.smallrye.mutiny.Uni;

/**
 * Tells the other services what changed in a store, on the Redis stream {@code csc:store-events}
 * (docs/internal-api.md): today the product webhooks, which chat-service reads to refresh the store's product passages.
 * A stream rather than pub/sub: an event written while chat-service is restarting is read when it is back, and a
 * consumer group hands each event to one replica. Trimmed to about {@code gateway.events.max-length} entries.
 * <p>
 * Publishing never fails the webhook: WooCommerce does not redeliver, it disables a webhook after repeated failures,
 * and chat-service's daily re-index catches up with anything missed.
 */
@ApplicationScoped
public class StoreEventPublisher {
    private final ReactiveStreamCommands<String, String, String> streams;
    private final String stream;
    private final long maxLength;

    public StoreEventPublisher(ReactiveRedisDataSource redis,
            @ConfigProperty(name = "gateway.events.stream", defaultValue = "csc:store-events") String stream,
            @ConfigProperty(name = "gateway.events.max-length", defaultValue = "10000") long maxLength) {
        this.streams = redis.stream(String.class);
        this.stream = stream;
        this.maxLength = maxLength;
    }

    /**
     * A product of this store was created, updated, deleted or restored ({@code topic} as WooCommerce names it).
     * {@code productId} and {@code status} are the webhook body's {@code id} and {@code status}, null when absent (a
     * deletion carries only the id). Answers whether the event was written.
     */
    public Uni<Boolean> productChanged(String domain, String topic, Long productId, String status) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("domain", domain);
        event.put("topic", topic);
        if (productId != null) {
            event.put("productId", Long.toString(productId));
        }
        if (status != null && !status.isBlank()) {
            event.put("status", status);
        }
        event.put("at", Long.toString(System.currentTimeMillis()));
        return streams.xadd(stream, new XAddArgs().maxlen(maxLength).nearlyExactTrimming(), event)
                .map(id -> true)
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Store event %s of %s not published (%s); the daily re-index catches up", topic, domain,
                            e.getClass().getSimpleName());
                    return false;
                });
    }
}
