package io.csc.web.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.commerce.ItemAvailabilityResponse;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StorePages;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/**
 * commerce-gateway's internal routes (docs/internal-api.md), declared once for every service that calls them, under the
 * one client key {@code commerce-gateway} ({@code quarkus.rest-client.commerce-gateway.url}). Each service calls it only
 * through its own {@code client.GatewayClient}, which adds the timeouts, retries and breakers that suit its calls;
 * error answers arrive as {@link ServiceErrors} reads them. (chat-service's knowledge indexing reads the content routes
 * through a client of its own, with the longer timeouts a whole-store read needs.)
 */
@Path("/internal")
@RegisterRestClient(configKey = "commerce-gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
public interface GatewayInternalApi extends PrivacyRoutes {

    @GET
    @Path("/tenants/{domain}")
    Uni<TenantSettings> tenant(@RestPath String domain);

    /** The store's time zone: {@code {"timeZone":"America/New_York","source":"store"}} (UTC, "default" when unknown). */
    @GET
    @Path("/tenants/{domain}/time-zone")
    Uni<java.util.Map<String, String>> timeZone(@RestPath String domain);

    @GET
    @Path("/products")
    Uni<List<ProductSummary>> products(@RestQuery String domain, @RestQuery String search, @RestQuery String sku,
            @RestQuery Integer limit);

    @GET
    @Path("/products/{id}")
    Uni<ProductSummary> product(@RestPath long id, @RestQuery String domain);

    @GET
    @Path("/store/price-format")
    Uni<PriceFormat> priceFormat(@RestQuery String domain);

    @GET
    @Path("/store/pages")
    Uni<StorePages> storePages(@RestQuery String domain);

    @POST
    @Path("/stock/check")
    Uni<ItemAvailabilityResponse> checkStock(ItemAvailabilityRequest request);

    @GET
    @Path("/customers")
    Uni<CustomerSummary> customer(@RestQuery String domain, @RestQuery String email);

    @GET
    @Path("/orders")
    Uni<List<OrderSummary>> orders(@RestQuery String domain, @RestQuery String email, @RestQuery Integer limit);

    @GET
    @Path("/orders/{orderId}")
    Uni<OrderSummary> order(@RestPath long orderId, @RestQuery String domain, @RestQuery String email);

    @POST
    @Path("/orders/{orderId}/cancel")
    Uni<OrderSummary> cancel(@RestPath long orderId, OrderAction action);

    @PUT
    @Path("/orders/{orderId}/shipping")
    Uni<OrderSummary> changeShipping(@RestPath long orderId, AddressChange change);

    @POST
    @Path("/orders/{orderId}/refund-request")
    Uni<Response> refundRequest(@RestPath long orderId, OrderAction action);

    @POST
    @Path("/coupons")
    Uni<CouponIssued> createCoupon(CouponRequest request);

    /** 4xx are answers, store trouble is one tenant's, the rest is the gateway failing (common-web's one reading). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("commerce-gateway", response);
    }
}
