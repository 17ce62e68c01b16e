package io.csc.gateway.api;

import java.util.Base64;
import java.util.Map;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.tenant.TenantService;
import io.csc.web.ApiException;
import io.csc.web.Hmac;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * WooCommerce webhooks ({@code product.created|updated|deleted|restored}) drop the store's cached catalog. The
 * signature ({@code X-WC-Webhook-Signature}: base64 HMAC-SHA256 of the raw body with the webhook secret, which is the
 * tenant's plugin secret) is checked before the body is even looked at. Unknown stores and bad signatures get the
 * same 401, so the route tells nothing about which stores exist.
 */
@Path("/api/webhooks/woocommerce/{domain}")
public class WebhookResource {
    private final TenantService tenants;
    private final StoreCache cache;

    public WebhookResource(TenantService tenants, StoreCache cache) {
        this.tenants = tenants;
        this.cache = cache;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@PathParam("domain") String domain,
            @HeaderParam("X-WC-Webhook-Signature") String signature, @HeaderParam("X-WC-Webhook-Topic") String topic,
            byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        return tenants.active(domain)
                .onFailure(ApiException.class).transform(e -> invalidSignature())
                .chain(tenant -> {
                    String expected = Base64.getEncoder().encodeToString(Hmac.sha256(tenant.pluginSecret(), raw));
                    if (!Hmac.constantTimeEquals(expected, signature == null ? null : signature.trim())) {
                        throw invalidSignature();
                    }
                    if (topic != null && topic.startsWith("product.")) {
                        return cache.invalidateCatalog(tenant.domain()).map(dropped -> Map.<String, Object>of("success",
                                true, "topic", topic, "invalidated", dropped));
                    }
                    // Pings (sent when a webhook is created) and other topics are acknowledged and ignored.
                    return Uni.createFrom()
                            .item(Map.<String, Object>of("success", true, "topic", topic == null ? "ping" : topic));
                })
                .invoke(r -> Log.debugf("Webhook %s for %s handled", topic, domain));
    }

    private static ApiException invalidSignature() {
        return ApiException.unauthorized("invalid_signature", "Invalid webhook signature");
    }
}
