package io.csc.verification.grant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<GrantEntity, String> {

    /**
     * Creates or replaces the conversation's grant in one statement (safe against concurrent verifications). An
     * existing grant is replaced when the email or store changed, when it expired, or when the new level is not lower;
     * a lower level for the same email leaves the stronger grant in place.
     */
    private static final String UPSERT = """
            insert into verification.verification_grant as g
                (conversation_id, domain, email, level, method, verified_at, last_seen_at, expires_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)
            on conflict (conversation_id) do update set
                domain = excluded.domain, email = excluded.email, level = excluded.level, method = excluded.method,
                verified_at = excluded.verified_at, last_seen_at = excluded.last_seen_at, expires_at = excluded.expires_at
            where g.domain <> excluded.domain or g.email <> excluded.email or g.expires_at <= excluded.verified_at
                or (case g.level when 'FULL' then 2 else 1 end) <= (case excluded.level when 'FULL' then 2 else 1 end)
            """;

    public Uni<Integer> upsert(String conversationId, String domain, String email, VerificationLevel level,
            VerificationMethod method, Instant now, Instant expiresAt) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, conversationId)
                .setParameter(2, domain)
                .setParameter(3, email)
                .setParameter(4, level.name())
                .setParameter(5, method.name())
                .setParameter(6, now.atOffset(ZoneOffset.UTC))
                .setParameter(7, expiresAt.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    /** Drops the conversation's grant when it belongs to someone else than (domain, email): the customer changed. */
    public Uni<Long> deleteIfOtherOwner(String conversationId, String domain, String email) {
        return delete("conversationId = ?1 and (domain <> ?2 or email <> ?3)", conversationId, domain, email);
    }

    public Uni<List<GrantEntity>> listByOwner(String domain, String email) {
        return list("domain = ?1 and email = ?2 order by verifiedAt", domain, email);
    }

    public Uni<Long> deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
