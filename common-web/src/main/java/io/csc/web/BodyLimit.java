package io.csc.web;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Limits every request body, on every route, before any route (rate limits, filters, resources) sees the request: past
 * {@code quarkus.http.limits.max-body-size} it is refused with the JSON error shape (413 {@code payload_too_large},
 * then the connection is closed). (Left to the HTTP layer, a refusal has no body, and a chunked body reaches the route
 * whole before anything counts it.)
 * <ul>
 * <li>With {@code Content-Length}: refused at once when the length is past the limit; otherwise passed on unread, the
 * HTTP codec never delivers more than the stated length (HTTP/1.1 framing; Netty checks HTTP/2 DATA against it).</li>
 * <li>HTTP/1.1 chunked, without a length: read here by Vert.x's {@link BodyHandler}, which counts the bytes as they
 * arrive and fails the request as soon as they pass the limit; the body it keeps is what Quarkus REST and the plain
 * Vert.x routes then read.</li>
 * <li>HTTP/2 with a body but without {@code Content-Length}: 411 {@code length_required}. Reading it here would leave
 * Quarkus REST a finished HTTP/2 stream, which it cannot take (it pauses every request it starts).</li>
 * </ul>
 * Installed ahead of every other route ({@code @Priority(0)}), a rate limiter included: an oversized body costs the
 * service no Redis round trip.
 */
@ApplicationScoped
public class BodyLimit {
    static final String TOO_LARGE = "{\"success\":false,\"error\":\"Request body too large\",\"code\":\"payload_too_large\"}";
    static final String LENGTH_REQUIRED = "{\"success\":false,\"error\":\"Send the body with a Content-Length\",\"code\":\"length_required\"}";
    /** Methods whose requests carry no body in practice; an HTTP/2 one without a length is passed on. */
    private static final Set<HttpMethod> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.DELETE, HttpMethod.TRACE);

    void install(@Observes @Priority(0) Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "64K") MemorySize max) {
        long limit = max.asLongValue();
        BodyHandler counter = BodyHandler.create(false).setBodyLimit(limit);
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            HttpServerRequest request = rc.request();
            String length = request.getHeader("Content-Length");
            if (length != null) {
                if (tooLarge(length, limit)) {
                    tooLarge(rc);
                } else {
                    rc.next();
                }
            } else if (request.version() == HttpVersion.HTTP_2) {
                if (BODILESS.contains(request.method())) {
                    rc.next();
                } else {
                    answer(rc, 411, LENGTH_REQUIRED);
                }
            } else if (request.headers().contains("Transfer-Encoding")) {
                counter.handle(rc);
            } else {
                rc.next();
            }
        });
        // BodyHandler fails the request with 413; answered here, it is one JSON line and no ERROR log per request.
        router.route().order(Integer.MIN_VALUE).failureHandler(rc -> {
            if (rc.statusCode() != 413 || rc.response().ended() || rc.response().headWritten()) {
                rc.next();
                return;
            }
            tooLarge(rc);
        });
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            // The HTTP codec refuses a malformed length itself.
            return false;
        }
    }

    private static void tooLarge(RoutingContext rc) {
        // The rest of the body is never read: the connection goes with the answer.
        rc.response().putHeader("Connection", "close");
        answer(rc, 413, TOO_LARGE);
    }

    private static void answer(RoutingContext rc, int status, String body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }
}
