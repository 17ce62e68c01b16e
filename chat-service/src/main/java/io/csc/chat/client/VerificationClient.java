package io.csc.chat.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.verification.Consent;
import io.csc.model.verification.ConsentRequest;
import io.csc.model.verification.OtpSendRequest;
import io.csc.model.verification.OtpSendResponse;
import io.csc.model.verification.OtpVerifyRequest;
import io.csc.model.verification.OtpVerifyResponse;
import io.csc.model.verification.SimpleVerificationRequest;
import io.csc.model.verification.VerificationGrant;
import io.csc.model.verification.VerificationLevel;
import io.csc.web.ApiException;
import io.csc.web.client.ServiceRefusal;
import io.csc.web.client.StoreUnavailable;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * verification-service as chat sees it. Only the grant read is retried: a simple match, a code sent or a code checked
 * counts against the shopper's attempt caps, so those are never repeated behind their back. Refusals (4xx) are answers,
 * never retried or counted; timeouts, retries and breaker numbers are configuration ({@code quarkus.fault-tolerance."..."}
 * in application.properties).
 */
@ApplicationScoped
@Timeout
@CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
public class VerificationClient {
    private final VerificationRestClient rest;

    public VerificationClient(@RestClient VerificationRestClient rest) {
        this.rest = rest;
    }

    @CircuitBreakerName("chat-verification-simple")
    public Uni<VerificationLevel> simple(SimpleVerificationRequest request) {
        return rest.simple(request).map(r -> r == null || r.level() == null ? VerificationLevel.NONE : r.level());
    }

    @CircuitBreakerName("chat-verification-send")
    public Uni<OtpSendResponse> sendCode(OtpSendRequest request) {
        return rest.sendCode(request);
    }

    @CircuitBreakerName("chat-verification-verify")
    public Uni<OtpVerifyResponse> verifyCode(OtpVerifyRequest request) {
        return rest.verifyCode(request);
    }

    /** The conversation's live grant for this store, or empty. */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-verification-grant")
    public Uni<Optional<VerificationGrant>> grant(String conversationId, String domain) {
        return rest.grant(conversationId, domain).map(Optional::ofNullable).onFailure(ServiceRefusal.class)
                .recoverWithUni(e -> ((ServiceRefusal) e).status() == 404
                        ? Uni.createFrom().item(Optional.empty())
                        : Uni.createFrom().failure(e));
    }

    @CircuitBreakerName("chat-verification-consent")
    public Uni<Consent> consent(String conversationId, ConsentRequest request) {
        return rest.consent(conversationId, request);
    }

    @CircuitBreakerName("chat-verification-end")
    public Uni<Void> end(String conversationId) {
        return rest.end(conversationId);
    }

    @CircuitBreakerName("chat-verification-privacy")
    public Uni<PrivacyExport> privacyExport(PrivacyRequest request) {
        return rest.privacyExport(request);
    }

    @CircuitBreakerName("chat-verification-privacy-delete")
    public Uni<PrivacyDeletion> privacyDelete(PrivacyRequest request) {
        return rest.privacyDelete(request);
    }
}
