package io.csc.chat.api;

import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.client.GatewayClient;
import io.csc.chat.client.ServiceRefusal;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.RateLimiter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * What every public route checks before anything else: a well-formed store domain, the store known (404) and enabled
 * (503), the browser's origin on the store's allow-list (403, no CORS headers otherwise), and the client's hourly
 * budget ({@code X-RateLimit-*}, 429 with {@code Retry-After}).
 */
@ApplicationScoped
public class PublicEdge {
    static final Pattern DOMAIN = Pattern
            .compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?");
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    static final String EXPOSED = "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

    private final GatewayClient gateway;
    private final RateLimiter limiter;

    public PublicEdge(GatewayClient gateway, RateLimiter limiter) {
        this.gateway = gateway;
        this.limiter = limiter;
    }

    public static String domain(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("domain is required");
        }
        String d = raw.trim().toLowerCase(Locale.ROOT);
        if (d.length() > 253 || !DOMAIN.matcher(d).matches()) {
            throw ApiException.badRequest("domain is not a valid store domain");
        }
        return d;
    }

    public static String sessionId(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("session_id is required");
        }
        if (!SESSION.matcher(raw).matches()) {
            throw ApiException.badRequest("session_id must be 1-128 letters, digits or . _ : -");
        }
        return raw;
    }

    public static String clientIp(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    /** The store, known and enabled, and the caller's origin allowed; then the rate limit of {@code bucket}. */
    public Uni<TenantSettings> admit(HttpServerRequest request, HttpServerResponse response, String domain, String bucket,
            int limit) {
        return tenant(domain).invoke(tenant -> cors(request, response, tenant))
                .call(tenant -> limiter.enforce(response, bucket, clientIp(request), limit));
    }

    public Uni<TenantSettings> tenant(String domain) {
        return gateway.tenant(domain).onFailure().transform(e -> {
            if (e instanceof ServiceRefusal r && r.status() == 404) {
                return ApiException.notFound("tenant_not_found", "Unknown store");
            }
            if (e instanceof ApiException) {
                return e;
            }
            return ApiException.unavailable("gateway_unavailable",
                    "The chat is temporarily unavailable, please try again shortly");
        }).invoke(tenant -> {
            if (!tenant.woocommerceEnabled()) {
                throw ApiException.unavailable("store_disabled", "This store's chat is not available right now");
            }
        });
    }

    /** Adds the CORS headers for an allowed origin; refuses a browser on any other origin. No Origin: not a browser. */
    public static void cors(HttpServerRequest request, HttpServerResponse response, TenantSettings tenant) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return;
        }
        if (!allowed(tenant, origin)) {
            throw new ApiException(403, "origin_not_allowed", "This origin is not allowed for this store");
        }
        response.putHeader("Access-Control-Allow-Origin", origin);
        response.putHeader("Access-Control-Expose-Headers", EXPOSED);
        response.putHeader("Vary", "Origin");
    }

    public static boolean allowed(TenantSettings tenant, String origin) {
        if (tenant.allowedOrigins() == null) {
            return false;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        while (o.endsWith("/")) {
            o = o.substring(0, o.length() - 1);
        }
        for (String allowed : tenant.allowedOrigins()) {
            String a = allowed == null ? "" : allowed.trim().toLowerCase(Locale.ROOT);
            while (a.endsWith("/")) {
                a = a.substring(0, a.length() - 1);
            }
            if (a.equals(o)) {
                return true;
            }
        }
        return false;
    }
}
