package io.csc.verification.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.ErrorResponse;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** commerce-gateway's internal routes (docs/internal-api.md) that verification needs. Wrapped by {@link GatewayClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "commerce-gateway")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface GatewayRestClient {

    @GET
    @Path("/tenants/{domain}")
    Uni<TenantSettings> tenant(@RestPath String domain);

    @GET
    @Path("/customers")
    Uni<CustomerSummary> customer(@RestQuery String domain, @RestQuery String email);

    @GET
    @Path("/orders/{orderId}")
    Uni<OrderSummary> order(@RestPath long orderId, @RestQuery String domain, @RestQuery String email);

    /** 403 and 404 are answers (not owned, not found); everything else is the gateway failing. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 403 || status == 404) {
            String code = null;
            try {
                ErrorResponse error = response.readEntity(ErrorResponse.class);
                code = error == null ? null : error.code();
            } catch (RuntimeException e) {
                // not our error shape: the status alone decides
            }
            return new GatewayRefusal(status, code);
        }
        return new GatewayFailure(status);
    }
}
