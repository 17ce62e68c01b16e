package io.csc.verification.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.client.ServiceErrors;
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

    /** 4xx are answers, store trouble is one tenant's, the rest is the gateway failing (common-web's one reading). */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("commerce-gateway", response);
    }
}
