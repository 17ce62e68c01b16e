package io.csc.verification.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.verification.Consent;
import io.csc.model.verification.VerificationGrant;
import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.csc.verification.config.VerificationConfig;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Grants: one per conversation, never looked up any other way, so one conversation's proof can never open another's
 * data. A grant lives while the conversation uses it (idle timeout) and is replaced when the shopper's email changes.
 */
@ApplicationScoped
public class GrantService {
    private final GrantRepository grants;
    private final ConsentRepository consents;
    private final Clock clock;
    private final Duration idleTimeout;

    public GrantService(GrantRepository grants, ConsentRepository consents, Clock clock, VerificationConfig config) {
        this.grants = grants;
        this.consents = consents;
        this.clock = clock;
        this.idleTimeout = config.grant().idleTimeout();
    }

    /**
     * Records a verification outcome. A different email (or store) than the current grant's always ends that grant;
     * {@code NONE} creates nothing.
     */
    @WithTransaction
    public Uni<Void> record(String conversationId, String domain, String email, VerificationLevel level,
            VerificationMethod method) {
        Instant now = clock.instant();
        Uni<Long> revoke = grants.deleteIfOtherOwner(conversationId, domain, email);
        if (level == VerificationLevel.NONE) {
            return revoke.replaceWithVoid();
        }
        return revoke.chain(() -> grants.upsert(conversationId, domain, email, level, method, now, now.plus(idleTimeout)))
                .replaceWithVoid();
    }

    /** The live grant of a conversation (optionally only for {@code domain}); each read extends its life. */
    @WithTransaction
    public Uni<Optional<VerificationGrant>> find(String conversationId, String domain) {
        Instant now = clock.instant();
        return grants.findById(conversationId).chain(grant -> {
            if (grant == null) {
                return Uni.createFrom().item(Optional.<VerificationGrant>empty());
            }
            if (!grant.expiresAt.isAfter(now)) {
                return grants.delete(grant).replaceWith(Optional.<VerificationGrant>empty());
            }
            if (domain != null && !domain.equals(grant.domain)) {
                return Uni.createFrom().item(Optional.<VerificationGrant>empty());
            }
            grant.lastSeenAt = now;
            grant.expiresAt = now.plus(idleTimeout);
            return consents.findById(conversationId).map(consent -> Optional.of(toGrant(grant, consent)));
        });
    }

    @WithTransaction
    public Uni<Consent> recordConsent(String conversationId, String textVersion) {
        Instant now = clock.instant();
        return consents.upsert(conversationId, textVersion, now)
                .replaceWith(new Consent(conversationId, textVersion, now));
    }

    /** The conversation ended: its grant and consent go. */
    @WithTransaction
    public Uni<Void> end(String conversationId) {
        return grants.deleteById(conversationId).chain(() -> consents.deleteById(conversationId))
                .chain(() -> consents.deleteLinks(conversationId)).replaceWithVoid();
    }

    /** Removes expired grants and consents of conversations idle for longer than the timeout; answers the count. */
    @WithTransaction
    public Uni<Long> purgeExpired() {
        Instant now = clock.instant();
        return grants.deleteExpired(now)
                .chain(removed -> consents.deleteStale(now.minus(idleTimeout)).map(stale -> removed + stale));
    }

    /** Everything kept about (domain, email): its grants and their conversations' consents. */
    @WithTransaction
    public Uni<List<VerificationGrant>> listByOwner(String domain, String email) {
        return grants.listByOwner(domain, email).chain(owned -> {
            List<String> ids = owned.stream().map(g -> g.conversationId).toList();
            return consents.listByConversations(ids).map(found -> {
                Map<String, ConsentEntity> byConversation = found.stream()
                        .collect(Collectors.toMap(c -> c.conversationId, Function.identity()));
                return owned.stream().map(g -> toGrant(g, byConversation.get(g.conversationId))).toList();
            });
        });
    }

    /** Notes that the conversation asked about the email with this pseudonym (simple match or code sent). */
    @WithTransaction
    public Uni<Void> noteEmail(String conversationId, String emailId) {
        return consents.linkEmail(conversationId, emailId, clock.instant()).replaceWithVoid();
    }

    /** How many rows a privacy deletion removed. */
    public record Deleted(long grants, long consents) {
    }

    /**
     * Deletes the grants of (domain, email) and the consents of their conversations, then the consents of conversations
     * that asked about this email ({@code emailId}, its pseudonym) and were never verified: a consent names no email, so
     * only the note of which email a conversation asked about ties it to this one.
     */
    @WithTransaction
    public Uni<Deleted> deleteByOwner(String domain, String email, String emailId) {
        return grants.listByOwner(domain, email).chain(owned -> {
            List<String> ids = owned.stream().map(g -> g.conversationId).toList();
            return consents.deleteByConversations(ids)
                    .chain(deletedConsents -> grants.delete("domain = ?1 and email = ?2", domain, email)
                            .chain(deletedGrants -> consents.deleteUnverifiedFor(emailId)
                                    .map(unverified -> new Deleted(deletedGrants, deletedConsents + unverified))));
        });
    }

    private static VerificationGrant toGrant(GrantEntity grant, ConsentEntity consent) {
        return new VerificationGrant(grant.conversationId, grant.domain, grant.email, grant.level, grant.method,
                grant.verifiedAt, grant.expiresAt,
                consent == null ? null : new Consent(consent.conversationId, consent.textVersion, consent.consentedAt));
    }
}
