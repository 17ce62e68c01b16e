package io.csc.chat.llm;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMailUtil;

import io.agroal.api.AgroalDataSource;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;

import static io.csc.chat.llm.OpenAiStubs.toolThenAnswer;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In LLM mode the handoff reason is the model's own words: it reaches the store's mail redacted like the transcript. */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class LlmHandoffTest {
    @Inject
    @Named("llm")
    Assistant llm;
    @Inject
    AgroalDataSource db;

    @BeforeEach
    void reset() {
        wm().resetAll();
    }

    @Test
    void the_models_handoff_reason_is_mailed_without_emails_phones_or_ibans() throws Throwable {
        String conv = LlmAssistantTest.newConversation();
        insertConversation(conv);
        toolThenAnswer("handOffToHuman", """
                {"reason":"Jörg (jörg@bücher.de, also alice%40example.com, ä@例え.jp, +49 30 1234 5678) wants a refund \
                to DE89 3704 0044 0532 0130 00 for order #48 of 06.12.2026","replyConsent":false}""",
                "I've passed our conversation to the store's team.");

        AssistantReply reply = VertxContextSupport
                .subscribeAndAwait(() -> llm.reply(LlmAssistantTest.turn(conv, "I want a person, now")));
        assertTrue(reply.message().contains("store's team"), reply.message());

        String body = text(mailAbout(conv));
        String reason = body.lines().filter(l -> l.startsWith("Reason: ")).findFirst()
                .orElseThrow(() -> new AssertionError(body));
        assertTrue(reason.contains("[email]"), reason);
        assertTrue(reason.contains("[phone]"), reason);
        assertTrue(reason.contains("[iban]"), reason);
        // what staff need stays
        assertTrue(reason.contains("order #48 of 06.12.2026"), reason);
        for (String leak : new String[]{"@", "%40", "bücher", "alice", "例え", "1234 5678", "3704"}) {
            assertFalse(reason.contains(leak), leak + " in " + reason);
        }
    }

    private static MimeMessage mailAbout(String conv) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (MimeMessage m : ServicesResource.mail.getReceivedMessages()) {
                if (text(m).contains(conv)) {
                    return m;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no handoff mail for " + conv);
    }

    /** The decoded text (the raw body is quoted-printable once it holds non-ASCII characters). */
    private static String text(MimeMessage m) throws Exception {
        Object content = m.getContent();
        return content instanceof String s ? s : GreenMailUtil.getBody(m);
    }

    private void insertConversation(String conv) throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "insert into chat.conversation (id, domain, session_id, created_at, updated_at) values (?, ?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            ps.setString(1, conv);
            ps.setString(2, "shop.example");
            ps.setString(3, "session-1");
            ps.setTimestamp(4, now);
            ps.setTimestamp(5, now);
            ps.executeUpdate();
        }
    }
}
