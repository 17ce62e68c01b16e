package io.csc.web;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads every request body, on every route, before any route (rate limits, filters, resources) sees the request, and
 * refuses it with the JSON error shape (413 {@code payload_too_large}, then the connection is closed) as soon as it
 * passes {@code quarkus.http.limits.max-body-size}: at once when {@code Content-Length} says so, else when the bytes
 * that have arrived pass the limit, so a chunked body without a length is never buffered past it either. (Left to the
 * HTTP layer, a refusal has no body, and a chunked body reaches the route whole before anything counts it.)
 * <p>
 * Vert.x's own {@link BodyHandler} does the counting; the body it keeps is what Quarkus REST and the plain Vert.x
 * routes read. Installed ahead of every other route ({@code @Priority(0)}), a rate limiter included: an oversized body
 * costs the service no Redis round trip.
 */
@ApplicationScoped
public class BodyLimit {
    static final String TOO_LARGE = "{\"success\":false,\"error\":\"Request body too large\",\"code\":\"payload_too_large\"}";

    void install(@Observes @Priority(0) Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "64K") MemorySize max) {
        BodyHandler reader = BodyHandler.create(false).setBodyLimit(max.asLongValue());
        router.route().order(Integer.MIN_VALUE).handler(reader);
        // BodyHandler fails the request with 413; answered here, it is one JSON line and no ERROR log per request.
        router.route().order(Integer.MIN_VALUE).failureHandler(BodyLimit::tooLarge);
    }

    private static void tooLarge(RoutingContext rc) {
        if (rc.statusCode() != 413 || rc.response().ended() || rc.response().headWritten()) {
            rc.next();
            return;
        }
        // The rest of the body is never read: the connection goes with the answer.
        rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                .end(TOO_LARGE);
    }
}
