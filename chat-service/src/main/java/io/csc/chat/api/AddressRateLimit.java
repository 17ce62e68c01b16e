package io.csc.chat.api;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.csc.chat.config.ChatConfig;
import io.csc.web.ClientAddress;
import io.csc.web.RateLimiter;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The client address' hourly ceiling on the public chat routes, counted before any route looks at the request (after
 * common-web's {@code BodyLimit}, which refuses an oversized body first). Every answer on those routes is therefore
 * counted and carries {@code X-RateLimit-Limit/Remaining/Reset}: 200, and 400, 401, 404, 415 or 429 too, so probing
 * costs a client as much as asking. Past the ceiling: 429 with {@code Retry-After}. The conversation session's own,
 * lower, budget is counted by {@link PublicEdge#admit} once the request names a valid session and store; the headers
 * then describe whichever of the two is tighter. Privacy requests ({@code /api/privacy/**}) have only this budget
 * ({@code RATE_LIMIT_PRIVACY}). CORS preflights are not counted.
 */
@ApplicationScoped
public class AddressRateLimit {
    static final String CHAT_BUCKET = "chat-addr";
    static final String CUSTOMER_ACTION_BUCKET = "customer-action-addr";
    static final String PRIVACY_BUCKET = "privacy";
    private static final String UNAVAILABLE = "{\"success\":false,\"error\":\"Service temporarily unavailable\",\"code\":\"unavailable\"}";

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final ChatConfig config;

    public AddressRateLimit(RateLimiter limiter, ClientAddress clients, ChatConfig config) {
        this.limiter = limiter;
        this.clients = clients;
        this.config = config;
    }

    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        // The raw path: decoding a malformed one (which UriGuard answers next) must not fail here.
        String path = rc.request().path();
        String bucket;
        int ceiling;
        if (path != null && (path.equals("/api/chat") || path.startsWith("/api/chat/"))) {
            bucket = CHAT_BUCKET;
            ceiling = config.rateLimit().chatPerAddress();
        } else if ("/api/woocommerce/customer-action".equals(path)) {
            bucket = CUSTOMER_ACTION_BUCKET;
            ceiling = config.rateLimit().customerActionPerAddress();
        } else if (path != null && path.startsWith("/api/privacy/")) {
            // privacy requests name no session: the address' budget is their only one
            bucket = PRIVACY_BUCKET;
            ceiling = config.rateLimit().privacy();
        } else {
            rc.next();
            return;
        }
        if (rc.request().method() == HttpMethod.OPTIONS) {
            rc.next();
            return;
        }
        limiter.hit(bucket, clients.of(rc.request()), ceiling, Duration.ofHours(1)).subscribe().with(rl -> {
            RateLimiter.headers(rc.response(), rl);
            if (rl.allowed()) {
                rc.next();
                return;
            }
            long retryAfter = limiter.retryAfter(rl);
            rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
                    .putHeader("Content-Type", "application/json")
                    .end("{\"success\":false,\"error\":\"Rate limit exceeded, retry in " + retryAfter
                            + " seconds\",\"code\":\"rate_limited\"}");
        }, failure -> {
            Log.warnf("Rate-limit counters unavailable: %s", failure.getClass().getSimpleName());
            rc.response().setStatusCode(503).putHeader("Content-Type", "application/json").putHeader("Retry-After", "5")
                    .end(UNAVAILABLE);
        });
    }
}
