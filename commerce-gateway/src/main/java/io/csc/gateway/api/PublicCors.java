package io.csc.gateway.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.csc.gateway.tenant.ActiveTenant;
import io.csc.web.ApiException;
import io.vertx.core.http.HttpServerRequest;

/**
 * CORS for the browser-facing routes. Which origins may call depends on the store named in the request body, so the
 * preflight is answered generously (it carries no data) and the real request is refused (403) when its
 * {@code Origin} is not in that store's allowed origins. Requests without an Origin (servers, curl) are not browsers
 * and pass.
 */
public class PublicCors {
    private static final String STOCK_PATH = "/api/woocommerce/stock";

    @ServerRequestFilter(preMatching = true)
    public Response preflight(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod()) || !STOCK_PATH.equals(request.getUriInfo().getPath())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return null;
        }
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build();
    }

    @ServerResponseFilter
    public void expose(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && STOCK_PATH.equals(request.getUriInfo().getPath()) && response.getStatus() != 403) {
            response.getHeaders().putSingle("Access-Control-Allow-Origin", origin);
            response.getHeaders().putSingle("Access-Control-Expose-Headers",
                    "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After");
            response.getHeaders().add("Vary", "Origin");
        }
    }

    /** Refuses a browser whose page is not on one of the store's allowed origins. */
    static void check(HttpServerRequest http, ActiveTenant tenant) {
        String origin = http.getHeader("Origin");
        if (origin != null && !tenant.allowsOrigin(origin)) {
            throw new ApiException(403, "origin_not_allowed", "This origin is not allowed for this store");
        }
    }
}
