package io.csc.chat.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.cart.CartContext;
import io.csc.web.client.PrivacyRoutes;
import io.csc.web.client.ServiceErrors;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** cart-service's internal routes (docs/internal-api.md). Wrapped by {@link CartClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "cart-service")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface CartRestClient extends PrivacyRoutes {

    @GET
    @Path("/carts/{sessionId}")
    Uni<CartContext> cart(@RestPath String sessionId, @RestQuery String domain);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("cart-service", response);
    }
}
