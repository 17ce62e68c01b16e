package io.csc.cart.api;

import java.math.BigDecimal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.csc.cart.abandonment.AbandonedCartsReportService;
import io.csc.cart.attribution.AttributionService;
import io.csc.cart.attribution.FunnelService;
import io.csc.model.cart.AbandonedCartsResponse;
import io.csc.model.cart.CartStats;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;

/** Operator reports (admin bearer token). */
@Path("/api")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminReportResource {
    private final AbandonedCartsReportService abandonedCarts;
    private final AttributionService attribution;
    private final FunnelService funnel;

    private final java.time.Clock clock;

    AdminReportResource(AbandonedCartsReportService abandonedCarts, AttributionService attribution, FunnelService funnel,
            java.time.Clock clock) {
        this.funnel = funnel;
        this.clock = clock;
        this.abandonedCarts = abandonedCarts;
        this.attribution = attribution;
    }

    /** Bounds of the report's parameters (README): one year back at most, cart values as stored. */
    static final double MAX_HOURS = 8760;
    static final BigDecimal MAX_CART_VALUE = new BigDecimal("9999999999.9999");
    static final int MAX_LIMIT = 1000;

    /**
     * The spec's report: carts abandoned at least {@code hours} ago (defaults: 1 h, no guests, 100 carts). The
     * parameters are read as text and checked here, so that {@code hours=abc} is a 400 with the bounds rather than
     * JAX-RS' 404 for an unconvertible parameter.
     */
    @GET
    @Path("/woocommerce/abandoned-carts")
    public Uni<AbandonedCartsResponse> abandonedCarts(@RestQuery String domain, @RestQuery String hours,
            @RestQuery("include_guest_carts") String includeGuestCarts, @RestQuery("min_cart_value") String minCartValue,
            @RestQuery String limit) {
        String store = TenantDomain.normalize(domain);
        double h = hours(hours);
        boolean guests = bool("include_guest_carts", includeGuestCarts);
        BigDecimal min = minCartValue(minCartValue);
        int max = limit(limit);
        return abandonedCarts.report(store, h, guests, min, max);
    }

    static double hours(String text) {
        if (text == null || text.isBlank()) {
            return 1;
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (Double.isFinite(value) && value >= 0 && value <= MAX_HOURS && text.strip().matches("[0-9.]+")) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("Invalid request: hours must be a number from 0 to " + (long) MAX_HOURS);
    }

    static BigDecimal minCartValue(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.matches("[0-9]{1,10}(\\.[0-9]{1,4})?")) {
            return new BigDecimal(value);
        }
        throw ApiException.badRequest("Invalid request: min_cart_value must be a decimal from 0 to " + MAX_CART_VALUE);
    }

    static int limit(String text) {
        if (text == null || text.isBlank()) {
            return 100;
        }
        String value = text.strip();
        if (value.matches("[0-9]{1,4}")) {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        }
        throw ApiException.badRequest("Invalid request: limit must be an integer from 1 to " + MAX_LIMIT);
    }

    static boolean bool(String name, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.badRequest("Invalid request: " + name + " must be true or false");
        };
    }

    @GET
    @Path("/carts/stats")
    public Uni<CartStats> stats(@RestQuery String domain) {
        return attribution.stats(domain);
    }

    /**
     * The recovery funnel per email step for the carts abandoned from {@code from} to {@code to} (UTC days, both
     * included; default the last 30 days, at most 366).
     */
    @GET
    @Path("/carts/stats/funnel")
    public Uni<FunnelService.Funnel> funnel(@RestQuery String domain, @RestQuery String from, @RestQuery String to) {
        String store = TenantDomain.normalize(domain);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        java.time.LocalDate t = to == null || to.isBlank() ? today : date("to", to);
        java.time.LocalDate f = from == null || from.isBlank() ? t.minusDays(29) : date("from", from);
        if (f.isAfter(t)) {
            throw ApiException.badRequest("Invalid request: from must not be after to");
        }
        if (f.plusDays(366).isBefore(t)) {
            throw ApiException.badRequest("Invalid request: a period is at most 366 days");
        }
        return funnel.funnel(store, f, t);
    }

    static java.time.LocalDate date(String name, String text) {
        try {
            return java.time.LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badRequest("Invalid request: " + name + " must be a date, YYYY-MM-DD");
        }
    }
}
