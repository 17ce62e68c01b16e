package io.csc.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with the JSON error shape (413) as soon as its
 * {@code Content-Length} says so, before anything reads it. (Left to the HTTP layer, the refusal has no body.)
 */
@ApplicationScoped
public class BodyLimit {
    private static final String TOO_LARGE = "{\"success\":false,\"error\":\"Request body too large\",\"code\":\"payload_too_large\"}";

    void install(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize max) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null && tooLarge(length, limit)) {
                rc.response().setStatusCode(413).putHeader("Content-Type", "application/json").putHeader("Connection", "close")
                        .end(TOO_LARGE);
                return;
            }
            rc.next();
        });
    }

    private static boolean tooLarge(String length, long limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
