package io.csc.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.webhook.WebhookLog;
import io.csc.web.AdminOnly;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /api/admin/webhooks?domain=} (admin token): the store's webhook status, the last WooCommerce webhook
 * delivery the gateway accepted from it ({@code lastDeliveryAt}, {@code lastTopic}; null when none in 30 days).
 */
@Path("/api/admin/webhooks")
@AdminOnly
public class AdminWebhookResource {
    private final WebhookLog webhooks;

    public AdminWebhookResource(WebhookLog webhooks) {
        this.webhooks = webhooks;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Map<String, Object>> status(@QueryParam("domain") String domain) {
        String d = TenantService.normalizeDomain(domain);
        return webhooks.last(d).map(last -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("domain", d);
            answer.put("lastDeliveryAt", last.map(l -> l.at().toString()).orElse(null));
            answer.put("lastTopic", last.map(WebhookLog.Delivery::topic).orElse(null));
            return answer;
        });
    }
}
