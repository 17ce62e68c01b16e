package io.csc.verification.api;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import com.icegreen.greenmail.util.GreenMail;

import io.csc.test.InjectGreenMail;
import io.csc.verification.support.Api;
import io.csc.verification.support.Mails;
import io.quarkus.test.junit.QuarkusTest;

import static io.csc.test.GatewayStubs.ALICE;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LogCaptureTest {
    @InjectGreenMail
    GreenMail greenMail;

    @Test
    void neitherTheCodeNorTheEmailIsLogged() throws Exception {
        greenMail.purgeEmailFromAllMailboxes();
        String domain = Api.freshDomain();
        String conversation = Api.freshConversation();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String logger = String.valueOf(record.getLoggerName());
                if (logger.contains("wiremock") || logger.contains("icegreen")) {
                    return; // the test's own stand-ins for the gateway and the mailbox
                }
                lines.add(render(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String code;
        try {
            Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE))
                    .post("/internal/verification/otp/send").then().statusCode(202);
            code = Mails.code(Mails.awaitFor(greenMail, ALICE, 1).get(0));
            String wrong = code.equals("999999") ? "888888" : "999999";
            for (int i = 0; i < 5; i++) {
                Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE, "code", wrong))
                        .post("/internal/verification/otp/verify").then().statusCode(200);
            }
            Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE, "code", code))
                    .post("/internal/verification/otp/verify").then().statusCode(429);
            Api.internal().body(Map.of("conversationId", conversation, "domain", domain, "email", ALICE, "orderNumber", "47"))
                    .post("/internal/verification/simple").then().statusCode(200).body("level", equalTo("full"));
            Api.internal().body(Map.of("conversationId", conversation, "domain", "down-" + domain, "email", ALICE))
                    .post("/internal/verification/simple").then().statusCode(503);
        } finally {
            root.removeHandler(capture);
        }
        List<String> captured = List.copyOf(lines);
        assertTrue(captured.stream().anyMatch(l -> l.contains(conversation)),
                "the lockout is logged (by conversation), so the capture works: " + captured);
        for (String line : captured) {
            assertFalse(line.contains(code), "code logged: " + line);
            assertFalse(line.toLowerCase().contains("alice.johnson"), "email logged: " + line);
        }
    }

    private static String render(LogRecord record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.getMessage()));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                text.append(" | ").append(parameter);
            }
            try {
                text.append(" | ").append(MessageFormat.format(String.valueOf(record.getMessage()), record.getParameters()));
            } catch (IllegalArgumentException e) {
                // printf-style messages: the raw parameters above are enough
            }
        }
        for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
            text.append(" | ").append(t);
        }
        return text.toString();
    }
}
