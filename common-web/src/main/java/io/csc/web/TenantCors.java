package io.csc.web;

import java.util.Collection;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * CORS for browser-facing routes whose allowed origins depend on the store ({@code allowed_origins} of the tenant
 * settings). Any service wires it into its own filters once it knows the tenant:
 * <ul>
 * <li>a preflight ({@code OPTIONS} with {@code Origin}) from an allowed origin gets the CORS headers; from any other
 * origin it gets a 204 without them, so the browser never sends the real request;</li>
 * <li>a real request from a browser origin that is not allowed is refused, 403 {@code origin_not_allowed} (a request
 * without {@code Origin} is not from a browser page and passes);</li>
 * <li>answers to an allowed origin carry {@code Access-Control-Allow-Origin} and expose the rate-limit headers.</li>
 * </ul>
 * Origins compare case-insensitively and exactly otherwise ({@code https://shop.example} is not
 * {@code https://shop.example:8443}); {@code Vary: Origin} is always set so caches keep answers apart.
 */
public final class TenantCors {
    public static final String EXPOSED_HEADERS = "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After";

    private TenantCors() {
    }

    public static boolean allows(Collection<String> allowedOrigins, String origin) {
        if (origin == null || allowedOrigins == null) {
            return false;
        }
        String trimmed = origin.strip();
        for (String allowed : allowedOrigins) {
            if (allowed != null && allowed.strip().equalsIgnoreCase(trimmed)) {
                return true;
            }
        }
        return false;
    }

    /** The answer to a preflight: CORS headers only for an allowed origin. */
    public static Response preflight(String origin, Collection<String> allowedOrigins, String methods, String headers) {
        Response.ResponseBuilder answer = Response.noContent().header("Vary", "Origin");
        if (allows(allowedOrigins, origin)) {
            answer.header("Access-Control-Allow-Origin", origin.strip())
                    .header("Access-Control-Allow-Methods", methods)
                    .header("Access-Control-Allow-Headers", headers)
                    .header("Access-Control-Max-Age", "600");
        }
        return answer.build();
    }

    /**
     * @throws ApiException 403 {@code origin_not_allowed} when a browser page of another origin calls
     */
    public static void check(String origin, Collection<String> allowedOrigins) {
        if (origin != null && !allows(allowedOrigins, origin)) {
            throw new ApiException(403, "origin_not_allowed", "This origin is not allowed for this store");
        }
    }

    /** Adds the CORS headers of a real answer, for an allowed origin only. */
    public static void expose(MultivaluedMap<String, Object> responseHeaders, String origin,
            Collection<String> allowedOrigins) {
        responseHeaders.add("Vary", "Origin");
        if (allows(allowedOrigins, origin)) {
            responseHeaders.putSingle("Access-Control-Allow-Origin", origin.strip());
            responseHeaders.putSingle("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }
}
