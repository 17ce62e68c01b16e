package io.csc.chat.handoff;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.tools.HandoffTools;
import io.csc.chat.tools.ToolResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static io.csc.chat.support.OnVertx.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class HandoffTest {
    static final String ADMIN = "Bearer test-admin-token-0123456789";

    @Inject
    HandoffTools handoffs;

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    private static MimeMessage mailTo(String to) throws Exception {
        for (int i = 0; i < 50; i++) {
            for (MimeMessage m : ServicesResource.mail.getReceivedMessages()) {
                if (m.getAllRecipients()[0].toString().equals(to)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no mail to " + to);
    }

    @Test
    void theStoreGetsTheRedactedTranscriptWithReplyToOnlyWhenAgreed() throws Exception {
        Chats c = Chats.open();
        Api.chat(c.ip(), c.turn("I'm alice@example.com, my number is +44 20 7946 0958, where is my parcel")).then()
                .statusCode(200);

        ToolResult r = await(() -> handoffs.handOff(c.ctx(), "wants a person", "alice@example.com", true));
        assertEquals(ToolResult.Status.OK, r.status());
        assertTrue(r.ui().handoff());
        assertTrue(r.text().contains("within one business day"), r.text());

        MimeMessage mail = mailTo("support@" + c.domain());
        String body = GreenMailUtil.getBody(mail);
        assertEquals("alice@example.com", mail.getReplyTo()[0].toString());
        assertTrue(body.contains("I'm [email], my number is [phone], where is my parcel"), body);
        assertFalse(body.contains("7946"), body);

        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain()).get("/api/admin/chat/handoffs")
                .then()
                .statusCode(200).body("handoffs.size()", equalTo(1)).body("handoffs[0].state", equalTo("open"))
                .body("handoffs[0].replyTo", equalTo("alice@example.com")).body("open", equalTo(1));
        String id = RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain())
                .get("/api/admin/chat/handoffs").path("handoffs[0].id");
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain())
                .post("/api/admin/chat/handoffs/" + id + "/answered").then().statusCode(200);
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain()).get("/api/admin/chat/handoffs")
                .then()
                .body("handoffs[0].state", equalTo("answered")).body("open", equalTo(0));
    }

    @Test
    void withoutConsentThereIsNoReplyTo() throws Exception {
        Chats c = Chats.open();
        await(() -> handoffs.handOff(c.ctx(), null, "alice@example.com", false));
        MimeMessage mail = mailTo("support@" + c.domain());
        assertTrue(mail.getReplyTo() == null || !mail.getReplyTo()[0].toString().contains("alice"));
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain()).get("/api/admin/chat/handoffs")
                .then()
                .body("handoffs[0].replyTo", equalTo(null));
        assertNull(null);
    }

    private static int mailsTo(String to) throws Exception {
        Thread.sleep(300); // a mail is sent after the turn's answer
        int n = 0;
        for (MimeMessage m : ServicesResource.mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void notUnderstoodTurnsInARowHandOffAndSmallTalkDoesNotCount() throws Exception {
        Chats c = Chats.open();
        Api.chat(c.ip(), c.turn("asdfghjkl")).then().statusCode(200).body("message", containsString("not sure I understood"));
        Api.chat(c.ip(), c.turn("hi")).then().statusCode(200).body("ui", equalTo(null));
        Api.chat(c.ip(), c.turn("qwertyuiop zxcvbnm")).then().statusCode(200).body("ui", equalTo(null))
                .body("message", containsString("not sure I understood"));
        // the second in a row (CHAT_AUTO_HANDOFF_AFTER, 2 by default)
        Api.chat(c.ip(), c.turn("zzzz xxxx yyyy")).then().statusCode(200).body("ui.handoff", equalTo(true))
                .body("message", containsString("store's team"));
        assertEquals(1, mailsTo("support@" + c.domain()));
    }

    @Test
    void oneHandoffPerConversationALaterOneUpdatesItWithoutASecondMail() throws Exception {
        Chats c = Chats.open();
        String first = await(() -> handoffs.handOff(c.ctx(), "wants a person", null, false)).data().toString();
        String again = await(() -> handoffs.handOff(c.ctx(), "still waiting", "alice@example.com", true)).data().toString();
        assertEquals(first, again);
        assertEquals(1, mailsTo("support@" + c.domain()));
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", c.domain()).get("/api/admin/chat/handoffs")
                .then().statusCode(200).body("handoffs.size()", equalTo(1)).body("handoffs[0].reason", equalTo("still waiting"))
                .body("handoffs[0].replyTo", equalTo("alice@example.com"));
    }

    @Test
    void theOperatorsListNeedsTheAdminToken() {
        RestAssured.given().queryParam("domain", "shop.test").get("/api/admin/chat/handoffs").then().statusCode(401)
                .body("code", equalTo("unauthorized"));
        RestAssured.given().header("Authorization", ADMIN).get("/api/admin/chat/handoffs").then().statusCode(400);
    }
}
