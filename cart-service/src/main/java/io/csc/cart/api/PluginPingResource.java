package io.csc.cart.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;

import io.csc.cart.carts.CartEventService;
import io.csc.model.cart.PingResult;
import io.csc.web.PluginSignature;
import io.smallrye.mutiny.Uni;

/**
 * The WordPress plugin's "Test connection" button: signed exactly like a cart event, so a 200 proves the domain is
 * registered and the plugin secret is right; otherwise the same 401/404 as {@code /api/carts/events}.
 */
@Path("/api/carts/ping")
public class PluginPingResource {
    private final CartEventService events;

    PluginPingResource(CartEventService events) {
        this.events = events;
    }

    /** Any body (usually empty or {@code {}}); the signature covers it as sent. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<PingResult> ping(@RestHeader(PluginSignature.DOMAIN_HEADER) String domain,
            @RestHeader(PluginSignature.TIMESTAMP_HEADER) String timestamp,
            @RestHeader(PluginSignature.SIGNATURE_HEADER) String signature, String body) {
        return events.ping(domain, timestamp, signature, body);
    }
}
