package io.csc.cart.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;

import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.commerce.ItemAvailabilityResponse;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.client.ServiceErrors;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** The commerce gateway's internal API (docs/internal-api.md); used only through {@link GatewayClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "commerce-gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface GatewayRestClient {

    @GET
    @Path("/tenants/{domain}")
    Uni<TenantSettings> tenant(@RestPath String domain);

    @POST
    @Path("/stock/check")
    Uni<ItemAvailabilityResponse> checkStock(ItemAvailabilityRequest request);

    @POST
    @Path("/coupons")
    Uni<CouponIssued> createCoupon(CouponRequest request);

    /** 4xx are answers, store trouble is one tenant's, the rest is the gateway failing (common-web's one reading). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("commerce-gateway", response);
    }
}
