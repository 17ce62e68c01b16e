package io.csc.verification.otp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;

import io.csc.model.commerce.CustomerSummary;
import io.csc.model.tenant.TenantSettings;
import io.csc.model.verification.OtpSendRequest;
import io.csc.model.verification.OtpSendResponse;
import io.csc.model.verification.OtpVerifyRequest;
import io.csc.model.verification.OtpVerifyResponse;
import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.csc.verification.client.GatewayClient;
import io.csc.verification.config.VerificationConfig;
import io.csc.verification.crypto.KeyedHasher;
import io.csc.verification.grant.GrantService;
import io.csc.verification.health.VerificationMetrics;
import io.csc.verification.limit.AttemptLimitService;
import io.csc.verification.limit.AttemptLimitService.Cap;
import io.csc.verification.limit.TooManyAttemptsException;
import io.csc.verification.tenant.TenantService;
import io.csc.web.Emails;
import io.csc.web.TenantDomain;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.tuples.Tuple2;

/**
 * Email one-time codes. A code is drawn from {@link SecureRandom}, kept only as a keyed hash, mailed only to a known
 * customer of the store, and never returned or logged. "Send" looks the same for known and unknown emails (a code is
 * stored either way; only its mail differs), so it tells nobody who shops where.
 */
@ApplicationScoped
public class OtpService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OtpStore store;
    private final KeyedHasher hasher;
    private final GatewayClient gateway;
    private final TenantService tenants;
    private final OtpMailService mail;
    private final GrantService grants;
    private final AttemptLimitService limits;
    private final VerificationMetrics metrics;
    private final VerificationConfig.Otp config;
    private final Clock clock;

    public OtpService(OtpStore store, KeyedHasher hasher, GatewayClient gateway, TenantService tenants, OtpMailService mail,
            GrantService grants,
            AttemptLimitService limits, VerificationMetrics metrics, VerificationConfig config, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.gateway = gateway;
        this.tenants = tenants;
        this.mail = mail;
        this.grants = grants;
        this.limits = limits;
        this.metrics = metrics;
        this.config = config.otp();
        this.clock = clock;
    }

    /** Six decimal digits, uniformly distributed. */
    static String newCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** Cooldown, caps, tenant and customer lookups and the stored code within one configured deadline. */
    @Timeout
    public Uni<OtpSendResponse> send(OtpSendRequest request) {
        String conversationId = request.conversationId();
        String domain = TenantDomain.normalize(request.domain());
        String email = Emails.normalize(request.email());
        String emailId = hasher.emailId(domain, email);
        Instant now = clock.instant();
        return store.claimCooldown(emailId, conversationId, now, config.resendCooldown()).chain(leftMs -> {
            if (leftMs > 0) {
                metrics.otpSend("cooldown");
                return Uni.createFrom().failure(new TooManyAttemptsException("otp_cooldown",
                        "A code was sent moments ago; wait before asking for another", (leftMs + 999) / 1000));
            }
            return issue(conversationId, domain, email, emailId, request.clientIp(), now)
                    .onFailure().call(() -> store.releaseCooldown(emailId, conversationId));
        });
    }

    private Uni<OtpSendResponse> issue(String conversationId, String domain, String email, String emailId, String clientIp,
            Instant now) {
        return limits.check("otp-send", List.of(
                new Cap("email", emailId, config.maxSendsPerEmail()),
                new Cap("conversation", conversationId, config.maxSendsPerConversation()),
                new Cap("ip", clientIp, config.maxSendsPerIp())))
                .onFailure(TooManyAttemptsException.class).invoke(() -> metrics.otpSend("rate_limited"))
                .chain(() -> Uni.combine().all().unis(tenants.settings(domain), gateway.customer(domain, email)).asTuple()
                        .onFailure().transform(GatewayClient::unavailable))
                .onFailure(e -> !(e instanceof TooManyAttemptsException)).invoke(() -> metrics.otpSend("failed"))
                .chain(found -> {
                    String code = newCode();
                    Instant expiresAt = now.plus(config.validity());
                    return store.save(conversationId, emailId, hasher.codeHash(conversationId, domain, email, code),
                            expiresAt, config.validity())
                            .invoke(() -> mailIfCustomer(conversationId, email, code, found));
                })
                .map(ignored -> {
                    metrics.otpSend("accepted");
                    return new OtpSendResponse(true, config.validity().toSeconds(), config.resendCooldown().toSeconds());
                });
    }

    /** Sent in the background: the answer must not wait on (or time) the mail, which only known customers get. */
    private void mailIfCustomer(String conversationId, String email, String code,
            Tuple2<TenantSettings, Optional<CustomerSummary>> found) {
        if (found.getItem2().isEmpty()) {
            return;
        }
        mail.send(email, code, config.validity(), found.getItem1()).subscribe().with(
                ok -> metrics.otpMail("sent"),
                failure -> {
                    metrics.otpMail("failed");
                    Log.warnf("Verification mail for conversation %s failed: %s", conversationId,
                            failure.getClass().getSimpleName());
                });
    }

    public Uni<OtpVerifyResponse> verify(OtpVerifyRequest request) {
        String conversationId = request.conversationId();
        String domain = TenantDomain.normalize(request.domain());
        String email = Emails.normalize(request.email());
        String emailId = hasher.emailId(domain, email);
        Instant now = clock.instant();
        String codeHash = hasher.codeHash(conversationId, domain, email, request.code());
        return store.check(conversationId, emailId, codeHash, now, config.maxAttempts()).chain(check -> {
            switch (check.status()) {
                case VERIFIED -> {
                    metrics.verification("otp", "verified");
                    return grants.record(conversationId, domain, email, VerificationLevel.FULL, VerificationMethod.OTP)
                            .replaceWith(new OtpVerifyResponse(true, check.attemptsLeft()));
                }
                case WRONG -> {
                    metrics.verification("otp", "wrong");
                    if (check.attemptsLeft() == 0) {
                        metrics.lockout();
                        Log.infof("Verification code locked after too many wrong tries (conversation %s)",
                                conversationId);
                    }
                    return Uni.createFrom().item(new OtpVerifyResponse(false, check.attemptsLeft()));
                }
                case LOCKED -> {
                    metrics.verification("otp", "locked");
                    return store.cooldownLeft(emailId, conversationId, now).chain(leftMs -> Uni.createFrom().failure(
                            new TooManyAttemptsException("otp_locked",
                                    "Too many wrong codes; ask for a new code", (leftMs + 999) / 1000)));
                }
                case EXPIRED -> {
                    metrics.verification("otp", "expired");
                    return Uni.createFrom().item(new OtpVerifyResponse(false, 0));
                }
                default -> {
                    metrics.verification("otp", "no_code");
                    return Uni.createFrom().item(new OtpVerifyResponse(false, 0));
                }
            }
        });
    }

    /** Drops the conversation's pending code (the conversation ended). */
    public Uni<Void> forget(String conversationId) {
        return store.deleteCode(conversationId);
    }
}
