package io.csc.web;

import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards {@link AdminOnly} routes with the operator's bearer token, compared in constant time. Without a configured
 * token the admin API is off (503) rather than open.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHENTICATION)
public class AdminTokenFilter implements ContainerRequestFilter {
    private final Optional<String> adminToken;

    public AdminTokenFilter(@ConfigProperty(name = "csc.auth.admin-token") Optional<String> adminToken) {
        this.adminToken = adminToken.filter(t -> !t.isBlank());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (adminToken.isEmpty()) {
            request.abortWith(ApiExceptionMapper.json(503, "admin_disabled", "The admin API is disabled: set ADMIN_TOKEN"));
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        if (!Hmac.constantTimeEquals(adminToken.get(), presented)) {
            request.abortWith(ApiExceptionMapper.json(401, "unauthorized", "A valid admin bearer token is required"));
        }
    }
}
