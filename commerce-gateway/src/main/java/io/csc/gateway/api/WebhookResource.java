package io.csc.gateway.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.events.StoreEventPublisher;
import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.webhook.WebhookLog;
import io.csc.web.ApiException;
import io.csc.web.Hmac;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * WooCommerce webhooks ({@code product.created|updated|deleted|restored}) drop the store's cached catalog and are
 * published as store events (the product's {@code id} and {@code status} from the body; chat-service refreshes the
 * store's product passages from them, {@link StoreEventPublisher}). The
 * signature ({@code X-WC-Webhook-Signature}: base64 HMAC-SHA256 of the raw body with the webhook secret, which is the
 * tenant's plugin secret) is checked over the bytes exactly as received, before the body is even looked at: WooCommerce
 * signs PHP's {@code json_encode} output ({@code \/} for every slash), which no re-serialisation reproduces.
 * <p>
 * One unsigned request is answered: the activation ping WooCommerce sends when a webhook is saved (a form POST whose
 * whole body is {@code webhook_id=N}, without any {@code X-WC-Webhook-*} header; {@code WC_Webhook::deliver_ping}).
 * Anything but exactly 200 leaves the webhook pending and the store's admin screen shows an error, so a registered
 * store's ping gets 200; the ping carries nothing and changes nothing. Every other unsigned or badly signed request,
 * and any request for an unknown store, gets the same 401.
 */
@Path("/api/webhooks/woocommerce/{domain}")
public class WebhookResource {
    private static final Pattern PING = Pattern.compile("webhook_id=[0-9]{1,19}");

    private final TenantService tenants;
    private final StoreCache cache;
    private final StoreEventPublisher events;
    private final ObjectMapper json;
    private final WebhookLog webhooks;

    public WebhookResource(TenantService tenants, StoreCache cache, StoreEventPublisher events, ObjectMapper json,
            WebhookLog webhooks) {
        this.webhooks = webhooks;
        this.tenants = tenants;
        this.cache = cache;
        this.events = events;
        this.json = json;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> receive(@PathParam("domain") String domain,
            @HeaderParam("X-WC-Webhook-Signature") String signature, @HeaderParam("X-WC-Webhook-Topic") String topic,
            @Context HttpHeaders headers, byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        boolean ping = isActivationPing(headers, raw);
        return tenants.active(domain)
                .onFailure(ApiException.class).transform(e -> invalidSignature())
                .chain(tenant -> {
                    if (ping) {
                        Log.infof("Webhook activation ping from %s acknowledged", tenant.domain());
                        return Uni.createFrom().item(Map.<String, Object>of("success", true, "topic", "ping"));
                    }
                    String expected = expectedSignature(tenant.pluginSecret(), raw);
                    if (!Hmac.constantTimeEquals(expected, signature == null ? null : signature.trim())) {
                        throw invalidSignature();
                    }
                    if (topic != null && topic.startsWith("product.")) {
                        JsonNode product = readJson(raw);
                        Long id = product.path("id").canConvertToLong() && product.path("id").asLong() > 0
                                ? product.path("id").asLong()
                                : null;
                        String status = product.path("status").isTextual() ? product.path("status").asText() : null;
                        // the cache is dropped first: whoever acts on the event reads the store's new answer
                        return cache.invalidateCatalog(tenant.domain())
                                .chain(dropped -> events.productChanged(tenant.domain(), topic, id, status)
                                        .map(published -> Map.<String, Object>of("success", true, "topic", topic,
                                                "invalidated", dropped, "published", published)));
                    }
                    // Other topics (signed) are acknowledged and ignored.
                    return Uni.createFrom()
                            .item(Map.<String, Object>of("success", true, "topic", topic == null ? "none" : topic));
                })
                .call(r -> webhooks.received(TenantService.normalizeDomain(domain), String.valueOf(r.get("topic"))))
                .invoke(r -> Log.debugf("Webhook %s for %s handled", topic, domain));
    }

    /** The body as JSON (a product, or {@code {"id": N}} for a deletion); a missing node when it is not JSON. */
    private JsonNode readJson(byte[] raw) {
        try {
            JsonNode node = json.readTree(raw);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** What WooCommerce puts in {@code X-WC-Webhook-Signature}: base64(HMAC-SHA256(secret, body bytes as sent)). */
    static String expectedSignature(String secret, byte[] raw) {
        return Base64.getEncoder().encodeToString(Hmac.sha256(secret, raw));
    }

    /** {@code webhook_id=<digits>} as a form body, and no WooCommerce webhook header at all. */
    static boolean isActivationPing(HttpHeaders headers, byte[] body) {
        MediaType type = headers.getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE) || body.length > 40) {
            return false;
        }
        for (String name : headers.getRequestHeaders().keySet()) {
            if (name.toLowerCase(Locale.ROOT).startsWith("x-wc-webhook-")) {
                return false;
            }
        }
        return PING.matcher(new String(body, StandardCharsets.US_ASCII)).matches();
    }

    private static ApiException invalidSignature() {
        return ApiException.unauthorized("invalid_signature", "Invalid webhook signature");
    }
}
