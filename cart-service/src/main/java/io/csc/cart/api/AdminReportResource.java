package io.csc.cart.api;

import java.math.BigDecimal;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.csc.cart.abandonment.AbandonedCartsService;
import io.csc.cart.attribution.AttributionService;
import io.csc.model.cart.AbandonedCartsResponse;
import io.csc.model.cart.CartStats;
import io.csc.web.AdminOnly;
import io.smallrye.mutiny.Uni;

/** Operator reports (admin bearer token). */
@Path("/api")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminReportResource {
    private final AbandonedCartsService abandonedCarts;
    private final AttributionService attribution;

    AdminReportResource(AbandonedCartsService abandonedCarts, AttributionService attribution) {
        this.abandonedCarts = abandonedCarts;
        this.attribution = attribution;
    }

    /** The spec's report: carts abandoned at least {@code hours} ago (defaults: 1 h, no guests, 100 carts). */
    @GET
    @Path("/woocommerce/abandoned-carts")
    public Uni<AbandonedCartsResponse> abandonedCarts(@RestQuery String domain, @RestQuery @DefaultValue("1") double hours,
            @RestQuery("include_guest_carts") @DefaultValue("false") boolean includeGuestCarts,
            @RestQuery("min_cart_value") BigDecimal minCartValue, @RestQuery @DefaultValue("100") int limit) {
        return abandonedCarts.report(domain, hours, includeGuestCarts, minCartValue, limit);
    }

    @GET
    @Path("/carts/stats")
    public Uni<CartStats> stats(@RestQuery String domain) {
        return attribution.stats(domain);
    }
}
