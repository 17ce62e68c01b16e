package io.csc.verification.limit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.web.RateLimit;
import io.csc.web.RateLimiter;
import io.smallrye.mutiny.Uni;

/**
 * Hourly attempt caps (per email, per conversation, per client IP) on the shared Redis counters of common-web. Every
 * cap counts the attempt; one exceeded cap refuses it with 429 and {@code Retry-After}.
 */
@ApplicationScoped
public class AttemptLimitService {
    /** Counter buckets are {@code rl:ver:<action>:<scope>}; the email scope holds a pseudonym, never an address. */
    public static final String BUCKET_PREFIX = "ver:";
    private static final Duration WINDOW = Duration.ofHours(1);

    private final RateLimiter limiter;
    private final Clock clock;

    public AttemptLimitService(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    /** One cap: {@code client} (already a pseudonym where it is personal) may act {@code limit} times an hour. */
    public record Cap(String scope, String client, int limit) {
    }

    public Uni<Void> check(String action, List<Cap> caps) {
        List<Uni<RateLimit>> hits = new ArrayList<>();
        for (Cap cap : caps) {
            if (cap.client() != null && !cap.client().isBlank()) {
                hits.add(limiter.hit(BUCKET_PREFIX + action + ":" + cap.scope(), cap.client(), cap.limit(), WINDOW));
            }
        }
        if (hits.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(hits).andFailFast().invoke(results -> {
            long nowSeconds = clock.millis() / 1000;
            long retryAfter = results.stream().filter(r -> !r.allowed())
                    .mapToLong(r -> r.resetEpochSeconds() - nowSeconds).max().orElse(-1);
            if (retryAfter >= 0) {
                throw new TooManyAttemptsException("too_many_attempts",
                        "Too many verification attempts, try again later", retryAfter);
            }
        }).replaceWithVoid();
    }
}
