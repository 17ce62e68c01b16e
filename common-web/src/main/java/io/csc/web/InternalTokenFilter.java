package io.csc.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /internal/**} route needs {@code X-Internal-Token}. Matched on the path before routing, so a new
 * internal resource cannot be left open by forgetting an annotation. The service refuses to start without a token.
 */
public class InternalTokenFilter {
    public static final String HEADER = "X-Internal-Token";
    private final String internalToken;

    public InternalTokenFilter(@ConfigProperty(name = "csc.auth.internal-token") String internalToken) {
        if (internalToken.length() < 16) {
            throw new IllegalStateException("INTERNAL_TOKEN must be at least 16 characters");
        }
        this.internalToken = internalToken;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!(path.equals("/internal") || path.startsWith("/internal/"))) {
            return null;
        }
        if (!Hmac.constantTimeEquals(internalToken, request.getHeaderString(HEADER))) {
            return ApiExceptionMapper.json(401, "unauthorized", "A valid internal token is required");
        }
        return null;
    }
}
