package io.csc.cart.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestHeader;

import io.csc.cart.carts.CartEventService;
import io.csc.model.cart.CartEventResult;
import io.csc.web.PluginSignature;
import io.smallrye.mutiny.Uni;

/** Cart events from the WordPress plugin, signed with the store's plugin secret (DESIGN.md "Headers"). */
@Path("/api/carts/events")
public class CartEventResource {
    private final CartEventService events;

    CartEventResource(CartEventService events) {
        this.events = events;
    }

    /** The raw body is taken as a string: the signature covers the exact bytes sent, not a re-serialization. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CartEventResult> ingest(@RestHeader(PluginSignature.DOMAIN_HEADER) String domain,
            @RestHeader(PluginSignature.TIMESTAMP_HEADER) String timestamp,
            @RestHeader(PluginSignature.SIGNATURE_HEADER) String signature, String body) {
        return events.ingest(domain, timestamp, signature, body);
    }
}
