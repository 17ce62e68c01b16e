package io.csc.gateway.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * The operator console is static files ({@code META-INF/resources/admin/}): they hold no data, every figure comes from
 * the admin routes with the token the operator types in. {@code /admin} itself goes to {@code /admin/}, so that the
 * page's relative links resolve under it. Its security headers (a strict Content-Security-Policy: no inline script or
 * style, same-origin calls only) are set in application.properties.
 */
@ApplicationScoped
public class ConsoleRoutes {
    void routes(@Observes Router router) {
        // ahead of the static files' handler, which answers 404 for a directory without its slash
        router.getWithRegex("/admin").order(-100)
                .handler(rc -> rc.response().setStatusCode(301).putHeader("Location", "/admin/")
                        .putHeader("Cache-Control", "no-store").end());
    }
}
