package io.csc.gateway.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.csc.gateway.config.GatewayConfig;
import io.csc.web.ClientAddress;
import io.csc.web.RateLimiter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-client hourly limits on the browser-facing routes, counted before anything else looks at the request. Every
 * answer on those routes (200, but also 400, 404, 415 and 429) therefore carries {@code X-RateLimit-Limit},
 * {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset}, and bad requests cost a client as much as good ones
 * (probing is not free). The client is common-web's {@link ClientAddress}: the peer, or behind a trusted proxy (the
 * ingress) the address it forwarded. CORS preflights are not counted. Webhooks are not limited here: WooCommerce sends them in
 * bursts from one address, and their signature is checked first.
 * <p>
 * Installed right after common-web's {@code BodyLimit} (observer priority 0): an oversized body is refused (413) before
 * it costs a Redis round trip, and that answer alone carries no rate-limit headers.
 */
@ApplicationScoped
public class PublicRateLimit {
    static final String STOCK_PATH = "/api/woocommerce/stock";
    static final String TEST_PATH = "/api/test-woocommerce";
    private static final String UNAVAILABLE = "{\"success\":false,\"error\":\"Service temporarily unavailable\",\"code\":\"unavailable\"}";

    private final RateLimiter rateLimiter;
    private final GatewayConfig config;
    private final ClientAddress clients;

    public PublicRateLimit(RateLimiter rateLimiter, GatewayConfig config, ClientAddress clients) {
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.clients = clients;
    }

    void install(@Observes @Priority(1) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        // The raw path: decoding a malformed one (which UriGuard answers next) must not fail here.
        String path = rc.request().path();
        String bucket;
        int limit;
        if (STOCK_PATH.equals(path)) {
            bucket = "gw:stock";
            limit = config.rateLimit().stock();
        } else if (TEST_PATH.equals(path)) {
            bucket = "gw:test";
            limit = config.rateLimit().testWoocommerce();
        } else {
            rc.next();
            return;
        }
        if (rc.request().method() == HttpMethod.OPTIONS) {
            rc.next();
            return;
        }
        // Counted per client across stores: inventing store names must not buy a client fresh windows.
        String client = clients.of(rc.request());
        // The body must not flow (and be lost) while Redis answers: pause until the next handler is in place.
        if (!rc.request().isEnded()) {
            rc.request().pause();
        }
        rateLimiter.hit(bucket, client, limit, java.time.Duration.ofHours(1)).subscribe().with(rl -> {
            RateLimiter.headers(rc.response(), rl);
            if (rl.allowed()) {
                if (!rc.request().isEnded()) {
                    rc.request().resume();
                }
                rc.next();
                return;
            }
            long retryAfter = Math.max(1, rl.resetEpochSeconds() - System.currentTimeMillis() / 1000);
            rc.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
                    .putHeader("Content-Type", "application/json")
                    .end("{\"success\":false,\"error\":\"Rate limit exceeded, retry in " + retryAfter
                            + " seconds\",\"code\":\"rate_limited\"}");
        }, failure -> rc.response().setStatusCode(503).putHeader("Content-Type", "application/json").end(UNAVAILABLE));
    }
}
