package io.csc.cart.recovery;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.cart.tenant.TenantService;
import io.csc.model.cart.UnsubscribeToken;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.smallrye.mutiny.Uni;

/**
 * Unsubscribe links. The token names its store; the unsubscribe key derived from that store's plugin secret then
 * verifies it. Reading the domain before verifying only chooses which key to check with: nothing else in the payload
 * is trusted until it verifies. Identity and restore tokens fail here (another purpose's key and typ).
 * <p>
 * Links mailed before tokens had a purpose (raw plugin secret, {@code {domain, email, exp}}) stay in inboxes for their
 * whole lifetime, so this route alone still honours them until they expire, and only to unsubscribe.
 */
@ApplicationScoped
public class UnsubscribeService {
    private final TenantService tenants;
    private final RecoveryRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    UnsubscribeService(TenantService tenants, RecoveryRepository repository, ObjectMapper json, Clock clock) {
        this.tenants = tenants;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    public record Verified(UnsubscribeToken token, TenantSettings tenant) {
    }

    public Uni<Verified> verify(String token) {
        return Uni.createFrom().item(() -> claimedDomain(token)).chain(domain -> verify(token, domain));
    }

    private Uni<Verified> verify(String token, String domain) {
        return tenants.settings(domain)
                .onFailure(e -> e instanceof ApiException a && a.status() == 404).transform(e -> invalid())
                .map(tenant -> {
                    JsonNode payload = verified(tenant.pluginSecret(), token);
                    String email = payload.path("email").textValue();
                    if (!domain.equals(payload.path("domain").textValue()) || email == null || email.isBlank()) {
                        throw invalid();
                    }
                    return new Verified(new UnsubscribeToken(domain, email.toLowerCase(Locale.ROOT)), tenant);
                });
    }

    private JsonNode verified(String secret, String token) {
        Instant now = clock.instant();
        try {
            return SignedToken.verify(Purpose.UNSUBSCRIBE, secret, token, now);
        } catch (ApiException e) {
            return SignedToken.verifyLegacyUnsubscribe(secret, token, now);
        }
    }

    public Uni<Verified> unsubscribe(String token) {
        return verify(token).call(v -> repository.unsubscribe(v.token().domain(), v.token().email(), clock.instant()));
    }

    private String claimedDomain(String token) {
        try {
            int dot = token == null ? -1 : token.lastIndexOf('.');
            if (dot <= 0 || token.length() > 8192) {
                throw invalid();
            }
            JsonNode node = json
                    .readTree(new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8));
            String domain = node.path("domain").asText("");
            if (domain.isBlank()) {
                throw invalid();
            }
            return domain;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.unauthorized("invalid_token", "The link or token is invalid or has expired");
    }
}
