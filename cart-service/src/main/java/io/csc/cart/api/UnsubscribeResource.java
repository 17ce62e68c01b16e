package io.csc.cart.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestQuery;

import io.csc.cart.recovery.UnsubscribeService;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The unsubscribe link of recovery emails. GET only shows a confirmation page with a button (mail scanners open
 * links; opening must not unsubscribe); POST unsubscribes, from that button or from the mail client's one-click
 * {@code List-Unsubscribe-Post} (RFC 8058). Both are idempotent.
 */
@Path("/api/carts/unsubscribe")
@Produces(MediaType.TEXT_HTML)
public class UnsubscribeResource {
    private final UnsubscribeService unsubscribes;

    UnsubscribeResource(UnsubscribeService unsubscribes) {
        this.unsubscribes = unsubscribes;
    }

    @GET
    public Uni<Response> confirm(@RestQuery String token) {
        return unsubscribes.verify(token)
                .map(v -> page(200, "Unsubscribe from cart reminders",
                        "<p>Stop emails about carts you leave at <strong>" + esc(store(v)) + "</strong>?</p>"
                                + "<form method=\"post\" action=\"?token=" + esc(token) + "\">"
                                + "<button type=\"submit\">Unsubscribe</button></form>"))
                .onFailure(ApiException.class).recoverWithItem(UnsubscribeResource::invalid);
    }

    @POST
    public Uni<Response> unsubscribe(@RestQuery String token) {
        return unsubscribes.unsubscribe(token)
                .map(v -> page(200, "You are unsubscribed",
                        "<p>You will get no more cart reminders from <strong>" + esc(store(v)) + "</strong>.</p>"))
                .onFailure(ApiException.class).recoverWithItem(UnsubscribeResource::invalid);
    }

    private static String store(UnsubscribeService.Verified v) {
        String name = v.tenant().storeName();
        return name == null || name.isBlank() ? v.token().domain() : name;
    }

    private static Response invalid(Throwable e) {
        ApiException a = (ApiException) e;
        if (a.status() >= 500) {
            return page(503, "Please try again later", "<p>We could not process this link right now.</p>");
        }
        return page(400, "Link invalid or expired", "<p>This unsubscribe link is invalid or has expired.</p>");
    }

    private static Response page(int status, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\">"
                + "<title>" + esc(title)
                + "</title></head><body style=\"font-family:sans-serif;max-width:32em;margin:3em auto\">"
                + "<h1>" + esc(title) + "</h1>" + body + "</body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
