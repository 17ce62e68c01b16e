package io.csc.chat.grounding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.set.SetCommands;

/**
 * A conversation's grounding evidence between turns, in Redis ({@code chat:llm:evidence:<conversationId>}), as hashes
 * only: "the order status you told me earlier" can be repeated, and no order fact is stored readable. Expires with the
 * model's memory.
 */
@ApplicationScoped
public class EvidenceStore {
    static final String PREFIX = "chat:llm:evidence:";

    /** SADD and EXPIRE as one script: one round trip, and no moment where the set exists without its expiry. */
    private static final String REMEMBER = "redis.call('SADD', KEYS[1], unpack(ARGV, 2)) "
            + "return redis.call('EXPIRE', KEYS[1], ARGV[1])";

    private final RedisDataSource redis;
    private final SetCommands<String, String> sets;
    private final Duration ttl;

    public EvidenceStore(RedisDataSource redis,
            @ConfigProperty(name = "chat.llm.memory.ttl", defaultValue = "24h") Duration ttl) {
        this.redis = redis;
        this.sets = redis.set(String.class);
        this.ttl = ttl;
    }

    /** Blocking: call from a worker thread. */
    public Set<String> load(String conversationId) {
        return sets.smembers(PREFIX + conversationId);
    }

    /** Adds a turn's evidence ({@link Evidence#hashedKeys()}) and renews the expiry, in one round trip. Blocking. */
    public void remember(String conversationId, Set<String> hashes) {
        if (hashes.isEmpty()) {
            return;
        }
        List<String> args = new ArrayList<>(hashes.size() + 4);
        args.addAll(List.of(REMEMBER, "1", PREFIX + conversationId, Long.toString(Math.max(1, ttl.toSeconds()))));
        args.addAll(hashes);
        redis.execute("EVAL", args.toArray(String[]::new));
    }
}
