package io.csc.chat.privacy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.csc.chat.action.PendingAction;
import io.csc.chat.action.PendingActionRepository;
import io.csc.chat.conversation.ConversationEntity;
import io.csc.chat.conversation.MessageEntity;
import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static io.csc.chat.support.OnVertx.await;

/** Conversations untouched for CHAT_RETENTION (30 days by default) are deleted with their messages; others stay. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class RetentionTest {
    @Inject
    RetentionJob job;
    @Inject
    PendingActionRepository pending;
    @Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void deletesConversationsIdleLongerThanTheRetention() {
        ServicesResource.reset();
        Chats old = Chats.open();
        Chats recent = Chats.open();
        Api.chat(old.ip(), old.turn("hello")).then().statusCode(200);
        Api.chat(recent.ip(), recent.turn("hello")).then().statusCode(200);
        Instant longAgo = Instant.now().minus(31, ChronoUnit.DAYS);
        Instant lately = Instant.now().minus(29, ChronoUnit.DAYS);
        await(() -> Panache.withTransaction(() -> ConversationEntity
                .update("updatedAt = ?1 where id = ?2", longAgo, old.conversationId())
                .chain(() -> ConversationEntity.update("updatedAt = ?1 where id = ?2", lately, recent.conversationId()))));

        await(() -> job.run());

        RestAssured.given().queryParam("session_id", old.session()).get("/api/chat/" + old.conversationId()).then()
                .statusCode(404);
        RestAssured.given().queryParam("session_id", recent.session()).get("/api/chat/" + recent.conversationId()).then()
                .statusCode(200);
        long messages = await(() -> Panache.withSession(() -> MessageEntity.count("conversationId", old.conversationId())));
        org.junit.jupiter.api.Assertions.assertEquals(0, messages, "messages go with their conversation");
    }

    @Test
    void liveMessagesAndOperatorActionsGoWithTheirConversation() {
        ServicesResource.reset();
        Chats c = Chats.open();
        io.csc.chat.live.Live.personReplied(c, "Hello");
        Instant longAgo = Instant.now().minus(31, ChronoUnit.DAYS);
        await(() -> Panache.withTransaction(() -> ConversationEntity
                .update("updatedAt = ?1 where id = ?2", longAgo, c.conversationId())));

        await(() -> job.run());

        long left = await(() -> pool.preparedQuery("select (select count(*) from chat.live_message where conversation_id = $1)"
                + " + (select count(*) from chat.operator_action where conversation_id = $1)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(c.conversationId())).map(r -> r.iterator().next().getLong(0)));
        org.junit.jupiter.api.Assertions.assertEquals(0L, left);
    }

    @Test
    void forgetsTheMessageKeptWithAConsentQuestionOnceItHasExpired() {
        Chats c = Chats.open();
        String waiting = await(() -> pending.propose(c.conversationId(), c.domain(), "consent", null, null)).id();
        String expired = "pa_expired_" + c.conversationId();
        await(() -> pending.attach(waiting, "status of order 1001, my email is a@example.com"));
        await(() -> pool.preparedQuery("insert into chat.pending_action (id, conversation_id, domain, kind, payload, state,"
                + " created_at, expires_at) values ($1, $2, $3, 'consent', $4, 'pending', $5, $6)")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(expired, c.conversationId(), c.domain(),
                        "where is my order? b@example.com",
                        Instant.now().minus(20, ChronoUnit.MINUTES).atOffset(java.time.ZoneOffset.UTC),
                        Instant.now().minus(10, ChronoUnit.MINUTES).atOffset(java.time.ZoneOffset.UTC))));
        await(() -> job.run());

        PendingAction stillWaiting = await(() -> pending.find(c.conversationId(), waiting));
        PendingAction gone = await(() -> pending.find(c.conversationId(), expired));
        org.junit.jupiter.api.Assertions.assertEquals("status of order 1001, my email is a@example.com", stillWaiting.payload(),
                "a question still waiting keeps the message it will answer");
        org.junit.jupiter.api.Assertions.assertNull(gone.payload(), "an expired question's message is forgotten");
    }
}
