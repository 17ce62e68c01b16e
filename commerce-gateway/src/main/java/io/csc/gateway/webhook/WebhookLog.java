package io.csc.gateway.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * The last WooCommerce webhook delivery each store made that the gateway accepted (the activation ping or a signed
 * delivery): when and which topic, kept in Redis for 30 days. The console shows it as the store's webhook status.
 */
@ApplicationScoped
public class WebhookLog {
    private static final Duration KEEP = Duration.ofDays(30);

    public record Delivery(Instant at, String topic) {
    }

    private final ReactiveValueCommands<String, String> values;
    private final Clock clock;

    public WebhookLog(ReactiveRedisDataSource redis, Clock clock) {
        this.values = redis.value(String.class);
        this.clock = clock;
    }

    /** Never fails the delivery it records. */
    public Uni<Void> received(String domain, String topic) {
        String t = topic == null || topic.isBlank() ? "none" : topic.length() > 64 ? topic.substring(0, 64) : topic;
        return values.set(key(domain), clock.instant().getEpochSecond() + "|" + t, new SetArgs().ex(KEEP))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<Optional<Delivery>> last(String domain) {
        return values.get(key(domain)).map(v -> {
            if (v == null || v.indexOf('|') < 0) {
                return Optional.<Delivery>empty();
            }
            int bar = v.indexOf('|');
            return Optional.of(new Delivery(Instant.ofEpochSecond(Long.parseLong(v.substring(0, bar))),
                    v.substring(bar + 1)));
        });
    }

    private static String key(String domain) {
        return "gw-webhook:" + domain;
    }
}
