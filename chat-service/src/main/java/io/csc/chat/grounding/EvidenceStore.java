package io.csc.chat.grounding;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyCommands;
import io.quarkus.redis.datasource.set.SetCommands;

/**
 * A conversation's grounding evidence between turns, in Redis ({@code chat:llm:evidence:<conversationId>}), as hashes
 * only: "the order status you told me earlier" can be repeated, and no order fact is stored readable. Expires with the
 * model's memory.
 */
@ApplicationScoped
public class EvidenceStore {
    static final String PREFIX = "chat:llm:evidence:";

    private final SetCommands<String, String> sets;
    private final KeyCommands<String> keys;
    private final Duration ttl;

    public EvidenceStore(RedisDataSource redis,
            @ConfigProperty(name = "chat.llm.memory.ttl", defaultValue = "24h") Duration ttl) {
        this.sets = redis.set(String.class);
        this.keys = redis.key();
        this.ttl = ttl;
    }

    /** Blocking: call from a worker thread. */
    public Set<String> load(String conversationId) {
        return sets.smembers(PREFIX + conversationId);
    }

    /** Blocking: call from a worker thread. */
    public void remember(String conversationId, Evidence evidence) {
        Set<String> hashes = evidence.hashedKeys();
        if (hashes.isEmpty()) {
            return;
        }
        sets.sadd(PREFIX + conversationId, hashes.toArray(String[]::new));
        keys.expire(PREFIX + conversationId, ttl);
    }
}
