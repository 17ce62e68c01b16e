package io.csc.chat.api;

import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.client.GatewayClient;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.ClientAddress;
import io.csc.web.RateLimiter;
import io.csc.web.TenantCors;
import io.csc.web.TenantDomain;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * What every public route checks before anything else: a well-formed store domain, the store known (404) and enabled
 * (503), the browser's origin on the store's allow-list (403, no CORS headers otherwise), and the conversation
 * session's hourly budget ({@code X-RateLimit-*}, 429 with {@code Retry-After}). The client address' higher ceiling
 * over all its sessions is counted earlier, for every answer, by {@link AddressRateLimit}.
 */
@ApplicationScoped
public class PublicEdge {
    static final Pattern DOMAIN = Pattern
            .compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*(:[0-9]{1,5})?");
    static final Pattern SESSION = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final GatewayClient gateway;
    private final RateLimiter limiter;
    private final ClientAddress clients;

    public PublicEdge(GatewayClient gateway, RateLimiter limiter, ClientAddress clients) {
        this.gateway = gateway;
        this.limiter = limiter;
        this.clients = clients;
    }

    /** The store domain, normalized; 400 {@code invalid_domain} otherwise (common-web's one rule). */
    public static String domain(String raw) {
        return TenantDomain.normalize(raw);
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

    /** The client, for rate limits: X-Forwarded-For only from a trusted proxy ({@code csc.web.trusted-proxies}). */
    public String clientIp(HttpServerRequest request) {
        return clients.of(request);
    }

    /**
     * The store, known and enabled, and the caller's origin allowed; then the budget of {@code bucket} for the
     * conversation session {@code sessionId} of this store (a valid one: {@link #sessionId}), or for the client's
     * address when the request names no session.
     */
    public Uni<TenantSettings> admit(HttpServerRequest request, HttpServerResponse response, String domain, String bucket,
            String sessionId, int limit) {
        String client = sessionId == null ? clientIp(request) : sessionKey(domain, sessionId);
        return tenant(domain).invoke(tenant -> cors(request, response, tenant))
                .call(tenant -> limiter.enforce(response, bucket, client, limit));
    }

    /** The rate-limit key of a conversation session: sessions are chosen by the browser, so they count per store. */
    static String sessionKey(String domain, String sessionId) {
        return "s:" + domain + "/" + sessionId;
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
        TenantCors.check(origin, tenant.allowedOrigins());
        response.putHeader("Access-Control-Allow-Origin", origin.strip());
        response.putHeader("Access-Control-Expose-Headers", TenantCors.EXPOSED_HEADERS);
        response.putHeader("Vary", "Origin");
    }

    public static boolean allowed(TenantSettings tenant, String origin) {
        return TenantCors.allows(tenant.allowedOrigins(), origin);
    }
}
