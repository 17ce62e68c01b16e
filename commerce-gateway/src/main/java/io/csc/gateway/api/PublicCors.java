package io.csc.gateway.api;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.tenant.TenantService;
import io.csc.web.TenantCors;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * CORS for the browser-facing stock route. Which origins may call depends on the store named in the request body,
 * which a preflight does not carry: a browser page names its store in the URL ({@code ?domain=}), and the preflight
 * gets CORS headers only when that store allows its {@code Origin}. A preflight without {@code ?domain=}, for an
 * unknown store or from any other origin gets a bare 204, which the browser treats as a refusal. The real request is
 * refused (403) when its Origin is not in its store's allowed origins. Answers carry
 * {@code Access-Control-Allow-Origin} only for origins some store allows. Requests without an Origin (servers, curl)
 * are not browsers and pass.
 */
public class PublicCors {
    private static final String METHODS = "POST, OPTIONS";
    private static final String HEADERS = "Content-Type";

    private final TenantService tenants;

    public PublicCors(TenantService tenants) {
        this.tenants = tenants;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> preflight(ContainerRequestContext request) {
        if (!"OPTIONS".equals(request.getMethod()) || !PublicRateLimit.STOCK_PATH.equals(request.getUriInfo().getPath())) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        if (origin == null) {
            return null;
        }
        String domain = request.getUriInfo().getQueryParameters().getFirst("domain");
        if (domain == null || domain.isBlank()) {
            return Uni.createFrom().item(TenantCors.preflight(origin, List.of(), METHODS, HEADERS));
        }
        String normalized;
        try {
            normalized = TenantDomain.normalize(domain);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(TenantCors.preflight(origin, List.of(), METHODS, HEADERS));
        }
        return tenants.active(normalized)
                .map(tenant -> TenantCors.preflight(origin, tenant.allowedOrigins(), METHODS, HEADERS))
                .onFailure().recoverWithItem(() -> TenantCors.preflight(origin, List.of(), METHODS, HEADERS));
    }

    @ServerResponseFilter
    public void expose(ContainerRequestContext request, ContainerResponseContext response) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && PublicRateLimit.STOCK_PATH.equals(request.getUriInfo().getPath())
                && response.getStatus() != 403 && tenants.originKnownAllowed(origin)) {
            TenantCors.expose(response.getHeaders(), origin, List.of(origin));
        }
    }

    /** Refuses a browser whose page is not on one of the store's allowed origins. */
    static void check(HttpServerRequest http, ActiveTenant tenant, TenantService tenants) {
        String origin = http.getHeader("Origin");
        if (origin == null) {
            return;
        }
        TenantCors.check(origin, tenant.allowedOrigins());
        tenants.noteAllowedOrigin(origin);
    }
}
