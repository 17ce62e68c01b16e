package io.csc.chat.api;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.csc.chat.client.GatewayClient;
import io.smallrye.mutiny.Uni;

/**
 * Answers CORS preflights of the browser-facing routes. The store is named in the body, which a preflight does not
 * carry, so the widget names it in the URL ({@code ?domain=}): the preflight is checked against that store's allowed
 * origins. Without {@code ?domain=}, for an unknown store or from any other origin it is a bare 204 without CORS
 * headers, which the browser takes as a refusal.
 */
public class PreflightFilter {
    private static final Set<String> PATHS = Set.of("/api/chat", "/api/chat/stream", "/api/chat/start",
            "/api/woocommerce/customer-action", "/api/privacy/export", "/api/privacy/delete");

    private final GatewayClient gateway;

    public PreflightFilter(GatewayClient gateway) {
        this.gateway = gateway;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> preflight(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        String path = request.getUriInfo().getPath();
        if (!PATHS.contains(path) && !path.startsWith("/api/chat/")) {
            return Uni.createFrom().nullItem();
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return Uni.createFrom().item(Response.noContent().build());
        }
        String domain = request.getUriInfo().getQueryParameters().getFirst("domain");
        if (domain == null || domain.isBlank()) {
            return Uni.createFrom().item(refuse());
        }
        String d;
        try {
            d = PublicEdge.domain(domain);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(refuse());
        }
        return gateway.tenant(d).map(t -> PublicEdge.allowed(t, origin) ? allow(origin) : refuse())
                .onFailure().recoverWithItem(PreflightFilter::refuse);
    }

    private static Response refuse() {
        return Response.noContent().header("Vary", "Origin").build();
    }

    private static Response allow(String origin) {
        return Response.noContent()
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Content-Type, Authorization")
                .header("Access-Control-Max-Age", "600")
                .header("Vary", "Origin")
                .build();
    }
}
