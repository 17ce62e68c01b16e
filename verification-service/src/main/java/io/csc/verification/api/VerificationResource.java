package io.csc.verification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.csc.model.verification.Consent;
import io.csc.model.verification.ConsentRequest;
import io.csc.model.verification.Ids;
import io.csc.model.verification.OtpSendRequest;
import io.csc.model.verification.OtpSendResponse;
import io.csc.model.verification.OtpVerifyRequest;
import io.csc.model.verification.OtpVerifyResponse;
import io.csc.model.verification.SimpleVerificationRequest;
import io.csc.model.verification.SimpleVerificationResponse;
import io.csc.model.verification.VerificationGrant;
import io.csc.verification.grant.GrantService;
import io.csc.verification.otp.OtpService;
import io.csc.verification.privacy.PrivacyService;
import io.csc.verification.simple.SimpleVerificationService;
import io.csc.web.ApiException;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;

/** Verification for chat-service (internal token required on every route, by common-web's filter). */
@Path("/internal/verification")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VerificationResource {
    private final SimpleVerificationService simple;
    private final OtpService otp;
    private final GrantService grants;
    private final PrivacyService privacy;

    public VerificationResource(SimpleVerificationService simple, OtpService otp, GrantService grants,
            PrivacyService privacy) {
        this.simple = simple;
        this.otp = otp;
        this.grants = grants;
        this.privacy = privacy;
    }

    @POST
    @Path("/simple")
    public Uni<SimpleVerificationResponse> simple(@Valid @NotNull SimpleVerificationRequest request) {
        return simple.verify(request)
                .call(level -> privacy.noteEmail(request.conversationId(), request.domain(), request.email()))
                .map(SimpleVerificationResponse::new);
    }

    @POST
    @Path("/otp/send")
    public Uni<RestResponse<OtpSendResponse>> send(@Valid @NotNull OtpSendRequest request) {
        return otp.send(request).call(body -> privacy.noteEmail(request.conversationId(), request.domain(), request.email()))
                .map(body -> RestResponse.status(RestResponse.Status.ACCEPTED, body));
    }

    @POST
    @Path("/otp/verify")
    public Uni<OtpVerifyResponse> verify(@Valid @NotNull OtpVerifyRequest request) {
        return otp.verify(request);
    }

    /** The live grant; {@code domain} (optional) must then match it. Reading it extends its life. */
    @GET
    @Path("/{conversationId}")
    public Uni<VerificationGrant> grant(@RestPath @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId,
            @RestQuery @Size(max = 253) String domain) {
        String store = domain == null || domain.isBlank() ? null : TenantDomain.normalize(domain);
        return grants.find(conversationId, store).map(found -> found.orElseThrow(
                () -> ApiException.notFound("grant_not_found", "This conversation is not verified")));
    }

    @POST
    @Path("/{conversationId}/consent")
    public Uni<RestResponse<Consent>> consent(@RestPath @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId,
            @Valid @NotNull ConsentRequest request) {
        return grants.recordConsent(conversationId, request.textVersion())
                .map(consent -> RestResponse.status(RestResponse.Status.CREATED, consent));
    }

    /** The conversation ended: its grant, consent and pending code go. Idempotent. */
    @DELETE
    @Path("/{conversationId}")
    public Uni<RestResponse<Void>> end(@RestPath @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId) {
        return grants.end(conversationId).chain(() -> otp.forget(conversationId)).map(ignored -> RestResponse.noContent());
    }
}
