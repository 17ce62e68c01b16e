package io.csc.chat.identity;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.csc.web.TenantDomain;

/**
 * The WordPress plugin's signed shopper identity ({@code {typ: "identity", domain, customerId, email, segment, exp}},
 * signed with the identity key derived from the store's plugin secret, docs/architecture.md "Signed tokens"). A valid
 * token for this store counts as a verified email. Anything else is ignored (the shopper stays a guest) and counted: an
 * expired or forged token, a restore or unsubscribe token (another purpose's key and typ), an old-format token, or an
 * identity minted for another store (whose secret might be shared, or leaked, across a merchant's stores).
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
            JsonNode payload = SignedToken.verify(Purpose.IDENTITY, tenant.pluginSecret(), token, clock.instant());
            String email = payload.path("email").asText("");
            if (email.isBlank() || !email.contains("@") || !sameStore(payload.path("domain").textValue(), tenant.domain())) {
                metrics.invalidIdentityToken();
                return null;
            }
            return new Identity(payload.path("customerId").asLong(0), email.trim(), payload.path("segment").asText(null));
        } catch (ApiException e) {
            metrics.invalidIdentityToken();
            return null;
        }
    }

    /** Both sides through the tenant's own normalisation, so {@code Shop.Example.com } names the same store. */
    private static boolean sameStore(String claimed, String tenantDomain) {
        return TenantDomain.isValid(claimed) && TenantDomain.isValid(tenantDomain)
                && TenantDomain.normalize(claimed).equals(TenantDomain.normalize(tenantDomain));
    }

    public record Identity(long customerId, String email, String segment) {
    }
}
