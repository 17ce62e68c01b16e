package io.csc.chat.identity;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.SignedToken;

/**
 * The WordPress plugin's signed shopper identity ({@code {customerId, email, segment, exp}}, signed with the store's
 * plugin secret, DESIGN.md "Signed tokens"). A valid token counts as a verified email; an expired or forged one is
 * ignored (the shopper is a guest) and counted.
 */
@ApplicationScoped
public class IdentityService {
    private final ChatMetrics metrics;
    private final Clock clock;

    public IdentityService(ChatMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The identity in the token, or null when absent, expired or forged. */
    public Identity verify(TenantSettings tenant, String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        if (tenant.pluginSecret() == null || tenant.pluginSecret().isBlank()) {
            metrics.invalidIdentityToken();
            return null;
        }
        try {
            JsonNode payload = SignedToken.verify(tenant.pluginSecret(), token, clock.instant());
            String email = payload.path("email").asText("");
            if (email.isBlank() || !email.contains("@")) {
                metrics.invalidIdentityToken();
                return null;
            }
            return new Identity(payload.path("customerId").asLong(0), email.trim(), payload.path("segment").asText(null));
        } catch (ApiException e) {
            metrics.invalidIdentityToken();
            return null;
        }
    }

    public record Identity(long customerId, String email, String segment) {
    }
}
