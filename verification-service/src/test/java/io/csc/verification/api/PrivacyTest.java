package io.csc.verification.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.agroal.api.AgroalDataSource;
import io.csc.test.InjectGreenMail;
import io.csc.verification.support.Api;
import io.csc.verification.support.Mails;
import io.quarkus.test.junit.QuarkusTest;

import static io.csc.test.GatewayStubs.ALICE;
import static io.csc.test.GatewayStubs.BOB;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

@QuarkusTest
class PrivacyTest {
    @InjectGreenMail
    GreenMail greenMail;
    @Inject
    AgroalDataSource db;

    @Test
    void exportAndDeleteCoverGrantsConsentsAndPendingCodesOfThatEmailOnly() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        String domain = Api.freshDomain();
        String verified = Api.freshConversation();
        String pending = Api.freshConversation();
        String bobs = Api.freshConversation();
        Api.internal().body(Map.of("textVersion", "v3")).post("/internal/verification/{id}/consent", verified).then()
                .statusCode(201);
        Api.internal().body(Map.of("conversationId", verified, "domain", domain, "email", ALICE, "orderNumber", "47"))
                .post("/internal/verification/simple").then().statusCode(200).body("level", equalTo("full"));
        Api.internal().body(Map.of("conversationId", pending, "domain", domain, "email", ALICE))
                .post("/internal/verification/otp/send").then().statusCode(202);
        Api.internal().body(Map.of("conversationId", bobs, "domain", domain, "email", BOB))
                .post("/internal/verification/simple").then().statusCode(200).body("level", equalTo("partial"));

        String export = Api.internal().body(Map.of("domain", domain, "email", "Alice.Johnson@example.com"))
                .post("/internal/privacy/export").then().statusCode(200)
                .body("service", equalTo("verification-service"))
                .body("data.grants", hasSize(1))
                .body("data.grants[0].conversationId", equalTo(verified))
                .body("data.grants[0].email", equalTo(ALICE))
                .body("data.grants[0].level", equalTo("full"))
                .body("data.consents", hasSize(1))
                .body("data.consents[0].textVersion", equalTo("v3"))
                .body("data.pendingCodes", hasSize(1))
                .body("data.pendingCodes[0].conversationId", equalTo(pending))
                .extract().asString();
        assertFalse(export.contains(BOB));

        Api.internal().body(Map.of("domain", domain, "email", ALICE)).post("/internal/privacy/delete").then().statusCode(200)
                .body("service", equalTo("verification-service"))
                .body("deleted.grants", equalTo(1))
                .body("deleted.consents", equalTo(1));

        Api.internal().body(Map.of("domain", domain, "email", ALICE)).post("/internal/privacy/export").then().statusCode(200)
                .body("data.grants", empty()).body("data.consents", empty()).body("data.pendingCodes", empty());
        Api.internal().get("/internal/verification/{id}", verified).then().statusCode(404);
        Api.internal().get("/internal/verification/{id}", bobs).then().statusCode(200).body("email", equalTo(BOB));
        // the cooldown went with the rest: a new code can be asked for at once
        Api.internal().body(Map.of("conversationId", pending, "domain", domain, "email", ALICE))
                .post("/internal/verification/otp/send").then().statusCode(202);
        // both codes were mailed in the background: let them arrive before another test reads Alice's mailbox
        assertEquals(2, Mails.awaitFor(greenMail, ALICE, 2).size());
    }

    private long consents(String conversationId) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c
                        .prepareStatement("select count(*) from verification.conversation_consent where conversation_id = ?")) {
            ps.setString(1, conversationId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void deleteAlsoRemovesConsentsOfConversationsThatAskedAboutTheEmailButWereNeverVerified() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        String domain = Api.freshDomain();
        String codeOnly = Api.freshConversation();
        String bobsCode = Api.freshConversation();
        String nowBobs = Api.freshConversation();
        for (String id : new String[]{codeOnly, bobsCode, nowBobs}) {
            Api.internal().body(Map.of("textVersion", "v3")).post("/internal/verification/{id}/consent", id).then()
                    .statusCode(201);
        }
        // a code was asked for Alice's address and never typed: no grant names this conversation
        Api.internal().body(Map.of("conversationId", codeOnly, "domain", domain, "email", ALICE))
                .post("/internal/verification/otp/send").then().statusCode(202);
        Api.internal().body(Map.of("conversationId", bobsCode, "domain", domain, "email", BOB))
                .post("/internal/verification/otp/send").then().statusCode(202);
        // Alice's address was tried here, then Bob's matched: the conversation is verified, for Bob
        Api.internal().body(Map.of("conversationId", nowBobs, "domain", domain, "email", ALICE))
                .post("/internal/verification/simple").then().statusCode(200);
        Api.internal().body(Map.of("conversationId", nowBobs, "domain", domain, "email", BOB))
                .post("/internal/verification/simple").then().statusCode(200).body("level", equalTo("partial"));

        // the export lists no consent of a conversation nothing proved to be Alice's
        Api.internal().body(Map.of("domain", domain, "email", ALICE)).post("/internal/privacy/export").then().statusCode(200)
                .body("data.grants", empty()).body("data.consents", empty());
        Api.internal().body(Map.of("domain", domain, "email", ALICE)).post("/internal/privacy/delete").then().statusCode(200)
                .body("deleted.grants", equalTo(0))
                .body("deleted.consents", equalTo(1));

        assertEquals(0, consents(codeOnly));
        assertEquals(1, consents(bobsCode));
        assertEquals(1, consents(nowBobs));
        // the same store's other email is untouched; a second deletion finds nothing left
        Api.internal().body(Map.of("domain", domain, "email", ALICE)).post("/internal/privacy/delete").then().statusCode(200)
                .body("deleted.consents", equalTo(0));
        assertEquals(1, Mails.awaitFor(greenMail, ALICE, 1).size());
        assertEquals(1, Mails.awaitFor(greenMail, BOB, 1).size());
    }

    @Test
    void badPrivacyRequestIs400() {
        Api.internal().body(Map.of("domain", "shop.example.com", "email", "nope"))
                .post("/internal/privacy/export").then().statusCode(400).body("code", equalTo("invalid_request"));
    }
}
