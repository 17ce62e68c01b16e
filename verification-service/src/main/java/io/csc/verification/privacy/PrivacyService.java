package io.csc.verification.privacy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.verification.VerificationGrant;
import io.csc.verification.crypto.KeyedHasher;
import io.csc.verification.grant.GrantService;
import io.csc.verification.limit.AttemptLimitService;
import io.csc.verification.otp.OtpStore;
import io.csc.web.Emails;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;

/**
 * Everything this service keeps about one email in one store: grants (with their conversations' consents) in
 * PostgreSQL; pending codes, the resend cooldown and attempt counters in Redis (keyed by the email's pseudonym). A
 * deletion also removes the consents of conversations that asked about the email and were never verified; the export
 * does not list them, as nothing proved that those conversations were this email's owner's.
 */
@ApplicationScoped
public class PrivacyService {
    public static final String SERVICE = "verification-service";

    private final GrantService grants;
    private final OtpStore otp;
    private final KeyedHasher hasher;

    public PrivacyService(GrantService grants, OtpStore otp, KeyedHasher hasher) {
        this.grants = grants;
        this.otp = otp;
        this.hasher = hasher;
    }

    public Uni<PrivacyExport> export(PrivacyRequest request) {
        String domain = TenantDomain.normalize(request.domain());
        String email = Emails.normalize(request.email());
        return grants.listByOwner(domain, email)
                .chain(owned -> otp.pendingFor(hasher.emailId(domain, email)).map(pending -> {
                    Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
                    data.put("grants", owned.stream().map(PrivacyService::grant).toList());
                    data.put("consents", owned.stream().filter(g -> g.consent() != null).map(g -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("conversationId", g.conversationId());
                        row.put("textVersion", g.consent().textVersion());
                        row.put("consentedAt", g.consent().consentedAt().toString());
                        return row;
                    }).toList());
                    data.put("pendingCodes", pending.stream().map(p -> {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("conversationId", p.conversationId());
                        row.put("expiresAt", p.expiresAt().toString());
                        return row;
                    }).toList());
                    return new PrivacyExport(SERVICE, data);
                }));
    }

    public Uni<PrivacyDeletion> delete(PrivacyRequest request) {
        String domain = TenantDomain.normalize(request.domain());
        String email = Emails.normalize(request.email());
        String emailId = hasher.emailId(domain, email);
        return grants.deleteByOwner(domain, email, emailId).chain(counts -> otp
                .deleteAllFor(emailId, "rl:" + AttemptLimitService.BUCKET_PREFIX + "*:email:" + emailId + ":*")
                .map(redisKeys -> {
                    Map<String, Long> deleted = new LinkedHashMap<>();
                    deleted.put("grants", counts.grants());
                    deleted.put("consents", counts.consents());
                    deleted.put("redisKeys", redisKeys);
                    return new PrivacyDeletion(SERVICE, deleted);
                }));
    }

    /**
     * Notes that a conversation asked about this email (a simple match or a code sent), so that a deletion for the email
     * can find the conversation's consent even when it was never verified.
     */
    public Uni<Void> noteEmail(String conversationId, String domain, String email) {
        if (email == null || email.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return grants.noteEmail(conversationId,
                hasher.emailId(TenantDomain.normalize(domain), Emails.normalize(email)));
    }

    private static Map<String, Object> grant(VerificationGrant g) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("conversationId", g.conversationId());
        row.put("domain", g.domain());
        row.put("email", g.email());
        row.put("level", g.level().name().toLowerCase(Locale.ROOT));
        row.put("method", g.method().name().toLowerCase(Locale.ROOT));
        row.put("verifiedAt", g.verifiedAt().toString());
        row.put("expiresAt", g.expiresAt().toString());
        return row;
    }
}
