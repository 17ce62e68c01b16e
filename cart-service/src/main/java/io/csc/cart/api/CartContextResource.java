package io.csc.cart.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.cart.carts.CartContextService;
import io.csc.model.cart.CartContext;
import io.smallrye.mutiny.Uni;

/** Cart context for the chat (internal token, see InternalTokenFilter). */
@Path("/internal/carts")
public class CartContextResource {
    private final CartContextService carts;

    CartContextResource(CartContextService carts) {
        this.carts = carts;
    }

    @GET
    @Path("/{sessionId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<CartContext> get(@RestPath String sessionId, @RestQuery String domain) {
        return carts.context(domain, sessionId);
    }
}
