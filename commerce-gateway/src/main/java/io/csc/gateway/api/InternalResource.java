package io.csc.gateway.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.catalog.CatalogService;
import io.csc.gateway.coupon.CouponService;
import io.csc.gateway.order.OrderService;
import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.woo.StoreTimeZoneService;
import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.commerce.ItemAvailabilityResponse;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StockSearchRequest;
import io.csc.model.commerce.StockSearchResponse;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The gateway's API for our other services (docs/internal-api.md). The internal-token filter guards the whole
 * {@code /internal} tree; order routes take the verified email and refuse orders that are not its own.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalResource {
    private final TenantService tenants;
    private final CatalogService catalog;
    private final OrderService orders;
    private final CouponService coupons;
    private final StoreCache cache;
    private final StoreTimeZoneService zones;

    public InternalResource(TenantService tenants, CatalogService catalog, OrderService orders, CouponService coupons,
            StoreCache cache, StoreTimeZoneService zones) {
        this.zones = zones;
        this.tenants = tenants;
        this.catalog = catalog;
        this.orders = orders;
        this.coupons = coupons;
        this.cache = cache;
    }

    @GET
    @Path("/tenants/{domain}")
    public Uni<TenantSettings> tenant(@PathParam("domain") String domain) {
        return tenants.active(domain).map(t -> t.settings());
    }

    /**
     * The store's time zone (WordPress's {@code timezone_string}, else its offset) for chat-service's business hours:
     * {@code {"timeZone":"America/New_York","source":"store"}}, or UTC with source {@code default} when the store does
     * not tell.
     */
    @GET
    @Path("/tenants/{domain}/time-zone")
    public Uni<Map<String, String>> timeZone(@PathParam("domain") String domain) {
        return tenants.withStore(domain).chain(zones::zoneOf)
                .map(zone -> zone.isPresent()
                        ? Map.of("timeZone", zone.get().getId(), "source", "store")
                        : Map.of("timeZone", "UTC", "source", "default"));
    }

    @GET
    @Path("/products")
    public Uni<List<ProductSummary>> products(@QueryParam("domain") String domain, @QueryParam("search") String search,
            @QueryParam("sku") String sku, @QueryParam("category") String category,
            @QueryParam("limit") @DefaultValue("10") int limit, @QueryParam("page") @DefaultValue("1") int page) {
        return tenants.withStore(required(domain, "domain"))
                .chain(t -> catalog.search(t, search, sku, category, limit, page));
    }

    @GET
    @Path("/products/{id}")
    public Uni<ProductSummary> product(@PathParam("id") long id, @QueryParam("domain") String domain) {
        return tenants.withStore(required(domain, "domain")).chain(t -> catalog.product(t, id));
    }

    @POST
    @Path("/stock")
    public Uni<StockSearchResponse> stock(@Valid @NotNull StockSearchRequest request) {
        if (!request.hasQuery()) {
            throw ApiException.badRequest("Provide productName, sku or productId");
        }
        return tenants.withStore(request.domain()).chain(t -> catalog.stock(t, request)).map(StockSearchResponse::found);
    }

    @POST
    @Path("/stock/check")
    public Uni<ItemAvailabilityResponse> stockCheck(@Valid @NotNull ItemAvailabilityRequest request) {
        return tenants.withStore(request.domain()).chain(t -> catalog.check(t, request));
    }

    @GET
    @Path("/customers")
    public Uni<CustomerSummary> customer(@QueryParam("domain") String domain, @QueryParam("email") String email) {
        return tenants.withStore(required(domain, "domain")).chain(t -> orders.customer(t, required(email, "email")));
    }

    @GET
    @Path("/orders")
    public Uni<List<OrderSummary>> orders(@QueryParam("domain") String domain, @QueryParam("email") String email,
            @QueryParam("limit") @DefaultValue("10") int limit) {
        return tenants.withStore(required(domain, "domain")).chain(t -> orders.orders(t, required(email, "email"), limit));
    }

    @GET
    @Path("/orders/{orderId}")
    public Uni<OrderSummary> order(@PathParam("orderId") long orderId, @QueryParam("domain") String domain,
            @QueryParam("email") String email) {
        return tenants.withStore(required(domain, "domain")).chain(t -> orders.order(t, orderId, required(email, "email")));
    }

    @POST
    @Path("/orders/{orderId}/cancel")
    public Uni<OrderSummary> cancel(@PathParam("orderId") long orderId, @Valid @NotNull OrderAction action) {
        return tenants.withStore(action.domain()).chain(t -> orders.cancel(t, orderId, action.email()));
    }

    @PUT
    @Path("/orders/{orderId}/shipping")
    public Uni<OrderSummary> shipping(@PathParam("orderId") long orderId, @Valid @NotNull AddressChange change) {
        return tenants.withStore(change.domain())
                .chain(t -> orders.changeShipping(t, orderId, change.email(), change.address()));
    }

    @POST
    @Path("/orders/{orderId}/notes")
    public Uni<RestResponse<Map<String, Long>>> note(@PathParam("orderId") long orderId, @Valid @NotNull OrderAction action) {
        return tenants.withStore(action.domain())
                .chain(t -> orders.addCustomerNote(t, orderId, action.email(), action.reason()))
                .map(id -> RestResponse.status(RestResponse.Status.CREATED, Map.of("id", id)));
    }

    @POST
    @Path("/orders/{orderId}/refund-request")
    public Uni<RestResponse<Map<String, Boolean>>> refundRequest(@PathParam("orderId") long orderId,
            @Valid @NotNull OrderAction action) {
        return tenants.withStore(action.domain())
                .chain(t -> orders.requestRefund(t, orderId, action.email(), action.reason()))
                .map(v -> RestResponse.status(RestResponse.Status.ACCEPTED, Map.of("requested", true)));
    }

    @POST
    @Path("/coupons")
    public Uni<RestResponse<CouponIssued>> coupon(@Valid @NotNull CouponRequest request) {
        return tenants.withStore(request.domain()).chain(t -> coupons.issue(t, request))
                .map(c -> RestResponse.status(RestResponse.Status.CREATED, c));
    }

    /** The gateway stores nothing about shoppers; its only personal data are short-lived cache entries. */
    @POST
    @Path("/privacy/export")
    public PrivacyExport privacyExport(@Valid @NotNull PrivacyRequest request) {
        return new PrivacyExport("commerce-gateway", Map.of());
    }

    @POST
    @Path("/privacy/delete")
    public Uni<PrivacyDeletion> privacyDelete(@Valid @NotNull PrivacyRequest request) {
        String domain = TenantService.normalizeDomain(request.domain());
        return cache.invalidateCustomer(domain, request.email())
                .map(v -> new PrivacyDeletion("commerce-gateway", Map.of("cachedCustomers", 1L)));
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name + " is required");
        }
        return value;
    }
}
