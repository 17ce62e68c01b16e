package io.csc.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;

/**
 * Fixed-window request counters in Redis, shared by every replica. Each call answers the window's state and sets the
 * {@code X-RateLimit-Limit/Remaining/Reset} headers; past the limit it fails with 429 and {@code Retry-After}.
 */
@ApplicationScoped
public class RateLimiter {
    private final ReactiveValueCommands<String, Long> counters;
    private final ReactiveKeyCommands<String> keys;
    private final Clock clock;

    /** {@code clock} is {@link ClockProducer}'s (or a test's): windows and {@code Retry-After} follow it. */
    @Inject
    public RateLimiter(ReactiveRedisDataSource redis, Clock clock) {
        this.counters = redis.value(Long.class);
        this.keys = redis.key();
        this.clock = clock;
    }

    /** Counts one request of {@code client} in {@code bucket} (e.g. "stock") against {@code limit} per window. */
    public Uni<RateLimit> hit(String bucket, String client, int limit, Duration window) {
        long now = clock.millis() / 1000;
        long windowSeconds = window.toSeconds();
        long windowStart = now - (now % windowSeconds);
        long reset = windowStart + windowSeconds;
        String key = "rl:" + bucket + ":" + client + ":" + windowStart;
        // A relative expiry: Redis' own clock need not agree with ours (a test clock, a skewed host).
        Duration ttl = Duration.ofSeconds(reset - now + 1);
        return counters.incr(key).call(count -> count == 1 ? keys.expire(key, ttl) : Uni.createFrom().voidItem())
                .map(count -> new RateLimit(limit, Math.max(0, limit - count), reset, count <= limit));
    }

    /**
     * {@link #hit} per hour, then the headers; fails with 429 past the limit. When an answer is counted in more than
     * one budget (a session's and its address'), the headers describe the tightest: one already on the response with
     * fewer requests remaining is kept.
     */
    public Uni<RateLimit> enforce(HttpServerResponse response, String bucket, String client, int limit) {
        return hit(bucket, client, limit, Duration.ofHours(1)).invoke(rl -> {
            if (tighterThanOnResponse(response, rl)) {
                headers(response, rl);
            }
            if (!rl.allowed()) {
                long retryAfter = retryAfter(rl);
                response.putHeader("Retry-After", Long.toString(retryAfter));
                throw new ApiException(429, "rate_limited", "Rate limit exceeded, retry in " + retryAfter + " seconds");
            }
        });
    }

    /** Seconds until the window of {@code rl} ends, at least 1. */
    public long retryAfter(RateLimit rl) {
        return Math.max(1, rl.resetEpochSeconds() - clock.millis() / 1000);
    }

    /** The {@code X-RateLimit-Limit/Remaining/Reset} headers of {@code rl}. */
    public static void headers(HttpServerResponse response, RateLimit rl) {
        response.putHeader("X-RateLimit-Limit", Integer.toString(rl.limit()));
        response.putHeader("X-RateLimit-Remaining", Long.toString(rl.remaining()));
        response.putHeader("X-RateLimit-Reset", Long.toString(rl.resetEpochSeconds()));
    }

    private static boolean tighterThanOnResponse(HttpServerResponse response, RateLimit rl) {
        String remaining = response.headers().get("X-RateLimit-Remaining");
        if (remaining == null || !rl.allowed()) {
            return true;
        }
        try {
            return rl.remaining() <= Long.parseLong(remaining);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
