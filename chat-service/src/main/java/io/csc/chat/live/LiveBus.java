package io.csc.chat.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Live events across replicas. An event is stored in PostgreSQL first (by the caller), then published on Redis
 * ({@code chat:live:<conversationId>}); each replica holds ONE pattern subscription ({@code chat:live:*}) and hands
 * each event to the streams it serves for that conversation. A replica never delivers from its own memory: its own
 * events come back through Redis like anyone's, and a stream that missed one reads it from PostgreSQL on reconnect.
 */
@ApplicationScoped
public class LiveBus {
    public static final String PREFIX = "chat:live:";

    private final ReactivePubSubCommands<String> pubsub;
    private final ObjectMapper json;
    private final Map<String, Set<Consumer<LiveEvent>>> listeners = new ConcurrentHashMap<>();
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;

    public LiveBus(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.pubsub = redis.pubsub(String.class);
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        // Redis may come up after us: keep trying (streams catch up from PostgreSQL meanwhile)
        subscribe().onFailure().invoke(e -> Log.warnf("Live events: subscribing failed (%s), retrying",
                e.getClass().getSimpleName()))
                .onFailure().retry().withBackOff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30))
                .indefinitely()
                .subscribe().with(s -> subscriber = s,
                        e -> Log.errorf("Live events: the Redis subscription failed (%s)", e.getClass().getSimpleName()));
    }

    Uni<ReactivePubSubCommands.ReactiveRedisSubscriber> subscribe() {
        return pubsub.subscribeToPattern(PREFIX + "*", (channel, payload) -> dispatch(channel, payload));
    }

    void stop(@Observes ShutdownEvent event) {
        ReactivePubSubCommands.ReactiveRedisSubscriber s = subscriber;
        if (s != null) {
            s.unsubscribe().subscribe().with(v -> {
            }, e -> {
            });
        }
    }

    /** Publishes an event already stored in PostgreSQL. A failed publish loses nothing: streams catch up from it. */
    public Uni<Void> publish(LiveEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        return pubsub.publish(PREFIX + event.conversationId(), payload).onFailure().recoverWithUni(e -> {
            Log.warnf("Live events: publish failed (%s); streams catch up from the database",
                    e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    void dispatch(String channel, String payload) {
        String conversationId = channel.startsWith(PREFIX) ? channel.substring(PREFIX.length()) : channel;
        Set<Consumer<LiveEvent>> set = listeners.get(conversationId);
        if (set == null || set.isEmpty()) {
            return;
        }
        LiveEvent event;
        try {
            event = json.readValue(payload, LiveEvent.class);
        } catch (Exception e) {
            Log.warnf("Live events: an unreadable event on %s", channel);
            return;
        }
        for (Consumer<LiveEvent> l : set) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                Log.warnf("Live events: a stream failed (%s)", e.getClass().getSimpleName());
            }
        }
    }

    /** Listens to a conversation's events on this replica; run the returned action to stop. */
    public Runnable listen(String conversationId, Consumer<LiveEvent> listener) {
        listeners.computeIfAbsent(conversationId, k -> new CopyOnWriteArraySet<>()).add(listener);
        return () -> listeners.computeIfPresent(conversationId, (k, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    /** Streams open on this replica (for tests and metrics). */
    public int listening() {
        return listeners.values().stream().mapToInt(Set::size).sum();
    }
}
