package io.csc.chat.demo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.csc.web.PluginSignature;
import io.smallrye.mutiny.Uni;

/**
 * cart-service's public plugin route: the demo reports its cart exactly as the WordPress plugin does, signed with
 * the tenant's plugin secret, so the demo exercises the real path (same base URL as chat-core's cart client).
 */
@RegisterRestClient(configKey = "cart-service")
@Path("/api/carts/events")
public interface DemoCartRestClient {
    /** The body is sent as the exact string that was signed. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> report(@HeaderParam(PluginSignature.DOMAIN_HEADER) String domain,
            @HeaderParam(PluginSignature.TIMESTAMP_HEADER) String timestamp,
            @HeaderParam(PluginSignature.SIGNATURE_HEADER) String signature, String body);
}
