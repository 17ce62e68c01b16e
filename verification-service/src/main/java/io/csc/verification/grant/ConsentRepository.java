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

    /** Consents older than {@code before} whose conversation holds no grant any more. */
    public Uni<Integer> deleteStale(Instant before) {
        return getSession().chain(session -> session.createNativeQuery(DELETE_STALE)
                .setParameter(1, before.atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }
}
