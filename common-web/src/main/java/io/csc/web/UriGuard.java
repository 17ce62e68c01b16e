package io.csc.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.ext.web.Router;

/**
 * Checks the request line before any route sees it, so that every service answers a bad URL with the JSON error shape
 * (left to the HTTP layer or to parameter decoding, these are empty 400s, 414s or, for a NUL that reaches PostgreSQL,
 * a 500):
 * <ul>
 * <li>longer than {@code csc.web.max-uri-length}: 414 {@code uri_too_long} (the HTTP codec's own, empty, 414 comes
 * only past {@code quarkus.http.limits.max-initial-line-length}, which common-web raises well above this limit);</li>
 * <li>a {@code %} not followed by two hex digits: 400 {@code invalid_uri};</li>
 * <li>a control character (NUL included), raw or percent-encoded, anywhere in path or query: 400
 * {@code invalid_characters}.</li>
 * </ul>
 */
@ApplicationScoped
public class UriGuard {
    static final String TOO_LONG = "{\"success\":false,\"error\":\"The request URL is too long\",\"code\":\"uri_too_long\"}";
    static final String MALFORMED = "{\"success\":false,\"error\":\"The request URL has a malformed percent-encoding\",\"code\":\"invalid_uri\"}";
    static final String BAD_REQUEST = "{\"success\":false,\"error\":\"Invalid request\",\"code\":\"invalid_request\"}";
    static final String CONTROL = "{\"success\":false,\"error\":\"The request URL contains a control character\",\"code\":\"invalid_characters\"}";

    /** What is wrong with a request target, if anything. */
    enum Problem {
        NONE, MALFORMED, CONTROL
    }

    void install(@Observes Router router,
            @ConfigProperty(name = "csc.web.max-uri-length", defaultValue = "8192") int maxLength) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String uri = rc.request().uri();
            if (uri != null && uri.length() > maxLength) {
                answer(rc, 414, TOO_LONG);
                return;
            }
            switch (check(uri)) {
                case MALFORMED -> answer(rc, 400, MALFORMED);
                case CONTROL -> answer(rc, 400, CONTROL);
                default -> rc.next();
            }
        });
        // A request line the router itself cannot take apart fails before any route runs: answer it in the same shape.
        router.route().order(Integer.MIN_VALUE).failureHandler(UriGuard::badRequest);
        router.errorHandler(400, UriGuard::badRequest);
    }

    private static void badRequest(io.vertx.ext.web.RoutingContext rc) {
        if (rc.statusCode() != 400 || rc.response().ended() || rc.response().headWritten()) {
            rc.next();
            return;
        }
        answer(rc, 400, check(rc.request().uri()) == Problem.CONTROL
                ? CONTROL
                : check(rc.request().uri()) == Problem.NONE
                        ? BAD_REQUEST
                        : MALFORMED);
    }

    private static void answer(io.vertx.ext.web.RoutingContext rc, int status, String body) {
        rc.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body);
    }

    static Problem check(String uri) {
        if (uri == null) {
            return Problem.NONE;
        }
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Problem.CONTROL;
            }
            if (c == '%') {
                if (i + 2 >= uri.length()) {
                    return Problem.MALFORMED;
                }
                int hi = Character.digit(uri.charAt(i + 1), 16);
                int lo = Character.digit(uri.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Problem.MALFORMED;
                }
                int b = hi * 16 + lo;
                if (b < 0x20 || b == 0x7f) {
                    return Problem.CONTROL;
                }
                i += 2;
            }
        }
        return Problem.NONE;
    }
}
