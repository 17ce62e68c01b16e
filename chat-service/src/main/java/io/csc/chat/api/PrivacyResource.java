package io.csc.chat.api;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.client.GatewayClient;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.privacy.PrivacyService;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.tenant.TenantSettings;
import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.csc.web.ApiException;
import io.csc.web.Hmac;
import io.csc.web.PluginSignature;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The spec's privacy routes ({@code {email, domain}}). Allowed with the admin token, or from a conversation verified by
 * one-time code for that same email ({@code conversation_id} + {@code session_id}), or signed by the store's plugin
 * ({@code X-CSC-Domain}, {@code X-CSC-Timestamp}, {@code X-CSC-Signature}: WordPress' personal-data exporter and
 * eraser). Answers per service what was found or deleted; a service that is down fails the whole request (503).
 */
@Path("/api/privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern
            .compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[A-Za-z]{2,}");

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Body(String email, String domain, @JsonProperty("conversation_id") String conversationId,
            @JsonProperty("session_id") String sessionId) {
    }

    private final PrivacyService privacy;
    private final GatewayClient gateway;
    private final VerificationClient verification;
    private final ConversationRepository conversations;
    private final ObjectMapper json;
    private final Clock clock;
    private final Optional<String> adminToken;

    public PrivacyResource(PrivacyService privacy, GatewayClient gateway, VerificationClient verification,
            ConversationRepository conversations, ObjectMapper json, Clock clock,
            @ConfigProperty(name = "csc.auth.admin-token") Optional<String> adminToken) {
        this.privacy = privacy;
        this.gateway = gateway;
        this.verification = verification;
        this.conversations = conversations;
        this.json = json;
        this.clock = clock;
        this.adminToken = adminToken.filter(t -> !t.isBlank());
    }

    @POST
    @Path("/export")
    public Uni<Map<String, Object>> export(String raw, HttpHeaders headers, HttpServerRequest request,
            HttpServerResponse response) {
        return authorized(raw, headers, request, response)
                .flatMap(req -> privacy.export(req).map(services -> Map.of("success", true, "domain", req.domain(), "email",
                        req.email(), "services", services)));
    }

    @POST
    @Path("/delete")
    public Uni<Map<String, Object>> delete(String raw, HttpHeaders headers, HttpServerRequest request,
            HttpServerResponse response) {
        return authorized(raw, headers, request, response)
                .flatMap(req -> privacy.delete(req).map(services -> Map.of("success", true, "domain", req.domain(), "email",
                        req.email(), "services", services)));
    }

    private Uni<PrivacyRequest> authorized(String raw, HttpHeaders headers, HttpServerRequest request,
            HttpServerResponse response) {
        Body body = parse(raw);
        String domain = PublicEdge.domain(body.domain());
        if (body.email() == null || body.email().length() > 254 || !EMAIL.matcher(body.email().trim()).matches()) {
            throw ApiException.badRequest("email must be a valid email address");
        }
        PrivacyRequest req = new PrivacyRequest(domain, body.email().trim().toLowerCase(Locale.ROOT));
        // the client address' budget was counted before this route ran (AddressRateLimit), for every answer
        return tenant(domain).invoke(t -> PublicEdge.cors(request, response, t))
                .flatMap(tenant -> {
                    if (admin(headers)) {
                        return Uni.createFrom().item(req);
                    }
                    if (headers.getHeaderString(PluginSignature.SIGNATURE_HEADER) != null) {
                        signed(tenant, headers, raw);
                        return Uni.createFrom().item(req);
                    }
                    return verifiedConversation(body, req).map(ok -> {
                        if (!ok) {
                            throw ApiException.unauthorized("unauthorized",
                                    "Use the admin token, a signed plugin request, or a conversation verified by one-time code for this email");
                        }
                        return req;
                    });
                });
    }

    private Uni<TenantSettings> tenant(String domain) {
        return gateway.tenant(domain).onFailure().transform(e -> e instanceof ServiceRefusal r && r.status() == 404
                ? ApiException.notFound("tenant_not_found", "Unknown store")
                : ApiException.unavailable("gateway_unavailable", "Temporarily unavailable, please retry later"));
    }

    private boolean admin(HttpHeaders headers) {
        String header = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
        return adminToken.isPresent() && presented != null && Hmac.constantTimeEquals(adminToken.get(), presented);
    }

    private void signed(TenantSettings tenant, HttpHeaders headers, String raw) {
        String claimed = headers.getHeaderString(PluginSignature.DOMAIN_HEADER);
        if (claimed == null || !claimed.trim().equalsIgnoreCase(tenant.domain()) || tenant.pluginSecret() == null) {
            throw ApiException.unauthorized("invalid_signature", "Invalid plugin signature");
        }
        PluginSignature.verify(tenant.pluginSecret(), headers.getHeaderString(PluginSignature.TIMESTAMP_HEADER),
                headers.getHeaderString(PluginSignature.SIGNATURE_HEADER), raw, clock.instant());
    }

    /** The shopper's own conversation, verified by one-time code for exactly this email. */
    private Uni<Boolean> verifiedConversation(Body body, PrivacyRequest req) {
        if (body.conversationId() == null || body.sessionId() == null) {
            return Uni.createFrom().item(false);
        }
        return conversations.owned(body.conversationId(), body.sessionId()).flatMap(conv -> {
            if (conv == null || !conv.domain.equals(req.domain())) {
                return Uni.createFrom().item(false);
            }
            return verification.grant(conv.id, req.domain())
                    .map(g -> g.isPresent() && g.get().level() == VerificationLevel.FULL
                            && g.get().method() == VerificationMethod.OTP && g.get().email() != null
                            && g.get().email().equalsIgnoreCase(req.email()))
                    .onFailure().transform(e -> ApiException.unavailable("verification_unavailable",
                            "Verification is temporarily unavailable, please retry later"));
        });
    }

    private Body parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.badRequest("A JSON body is required");
        }
        try {
            Body body = json.readValue(raw, Body.class);
            if (body == null) {
                throw ApiException.badRequest("A JSON body is required");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, "invalid_json", "The request body is not valid JSON for this route");
        }
    }
}
