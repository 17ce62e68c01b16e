package io.csc.chat.client;

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
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.client.ServiceErrors;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** commerce-gateway's internal routes (docs/internal-api.md) that chat needs. Wrapped by {@link GatewayClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "commerce-gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface GatewayRestClient {

    @GET
    @Path("/tenants/{domain}")
    Uni<TenantSettings> tenant(@RestPath String domain);

    @GET
    @Path("/products")
    Uni<List<ProductSummary>> products(@RestQuery String domain, @RestQuery String search, @RestQuery String sku,
            @RestQuery Integer limit);

    @GET
    @Path("/products/{id}")
    Uni<ProductSummary> product(@RestPath long id, @RestQuery String domain);

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
    @Path("/privacy/export")
    Uni<PrivacyExport> privacyExport(PrivacyRequest request);

    @POST
    @Path("/privacy/delete")
    Uni<PrivacyDeletion> privacyDelete(PrivacyRequest request);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("commerce-gateway", response);
    }
}
