package io.csc.cart.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.StockCheckRequest;
import io.csc.model.commerce.StockCheckResponse;
import io.csc.model.tenant.TenantSettings;
import io.smallrye.mutiny.Uni;

/** The commerce gateway's internal API (docs/internal-api.md); used only through {@link GatewayClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface GatewayRestClient {

    @GET
    @Path("/tenants/{domain}")
    Uni<TenantSettings> tenant(@PathParam("domain") String domain);

    @POST
    @Path("/stock/check")
    Uni<StockCheckResponse> checkStock(StockCheckRequest request);

    @POST
    @Path("/coupons")
    Uni<CouponIssued> createCoupon(CouponRequest request);
}
