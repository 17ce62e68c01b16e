package io.csc.verification.grant;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ConsentRepository implements PanacheRepositoryBase<ConsentEntity, String> {
    private static final String UPSERT = """
            insert into verification.conversation_consent (conversation_id, text_version, consented_at)
            values (?1, ?2, ?3)
            on conflict (conversation_id) do update set
                text_version = excluded.text_version, consented_at = excluded.consented_at
            """;

    private static final String DELETE_STALE = """
            delete from verification.conversation_consent c
            where c.consented_at <= ?1
              and not exists (select 1 from verification.verification_grant g where g.conversation_id = c.conversation_id)
            """;

    private static final String LINK_EMAIL = """
            insert into verification.conversation_email (conversation_id, email_id, seen_at) values (?1, ?2, ?3)
            on conflict do nothing
            """;

    /** Consents of conversations that asked about this email and hold no grant (never verified, or no longer). */
    private static final String DELETE_UNVERIFIED = """
            delete from verification.conversation_consent c
            where c.conversation_id in (select e.conversation_id from verification.conversation_email e where e.email_id = ?1)
              and not exists (select 1 from verification.verification_grant g where g.conversation_id = c.conversation_id)
            """;

    private static final String DELETE_STALE_LINKS = """
            delete from verification.conversation_email e
            where e.seen_at <= ?1
              and not exists (select 1 from verification.verification_grant g where g.conversation_id = e.conversation_id)
            """;

    public Uni<Integer> upsert(String conversationId, String textVersion, Instant now) {
        return getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, conversationId)
                .setParameter(2, textVersion)
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    public Uni<List<ConsentEntity>> listByConversations(Collection<String> conversationIds) {
        return conversationIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : list("conversationId in ?1", conversationIds);
    }

    public Uni<Long> deleteByConversations(Collection<String> conversationIds) {
        return conversationIds.isEmpty() ? Uni.createFrom().item(0L) : delete("conversationId in ?1", conversationIds);
    }

    /** Notes that the conversation asked about this email (its pseudonym); see V5__conversation_email.sql. */
    public Uni<Integer> linkEmail(String conversationId, String emailId, Instant now) {
        return getSession().chain(session -> session.createNativeQuery(LINK_EMAIL)
                .setParameter(1, conversationId)
                .setParameter(2, emailId)
                .setParameter(3, now.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    /** Deletes the consents of ungranted conversations that asked about this email, then the links themselves. */
    public Uni<Integer> deleteUnverifiedFor(String emailId) {
        return getSession().chain(session -> session.createNativeQuery(DELETE_UNVERIFIED)
                .setParameter(1, emailId)
                .executeUpdate()
                .call(() -> session.createNativeQuery("delete from verification.conversation_email where email_id = ?1")
                        .setParameter(1, emailId).executeUpdate()));
    }

    public Uni<Integer> deleteLinks(String conversationId) {
        return getSession().chain(session -> session
                .createNativeQuery("delete from verification.conversation_email where conversation_id = ?1")
                .setParameter(1, conversationId).executeUpdate());
    }

    /** Consents older than {@code before} whose conversation holds no grant any more. */
    public Uni<Integer> deleteStale(Instant before) {
        return getSession().chain(session -> session.createNativeQuery(DELETE_STALE)
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .executeUpdate()
                .call(() -> session.createNativeQuery(DELETE_STALE_LINKS)
                        .setParameter(1, before.atOffset(ZoneOffset.UTC)).executeUpdate()));
    }
}
