package io.csc.chat.live;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.csc.chat.support.OnVertx.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Live handoff (docs/live-handoff.md) through its routes, against the real PostgreSQL and Redis. */
@io.quarkus.test.junit.QuarkusTest
@io.quarkus.test.common.QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class LiveHandoffTest {
    @Inject
    Pool pool;
    @Inject
    LiveTimeoutJob timeouts;
    @Inject
    io.csc.chat.tools.VerificationTools verifications;

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    private static int mailsTo(String to) throws Exception {
        Thread.sleep(400); // a mail is sent after the turn's answer
        int n = 0;
        for (MimeMessage m : ServicesResource.mail.getReceivedMessages()) {
            if (m.getAllRecipients()[0].toString().equals(to)) {
                n++;
            }
        }
        return n;
    }

    /** A store with live chat on around the clock, one operator (Anna Berg) signed in, and a shopper's conversation. */
    private record Staffed(Chats shopper, String operatorId, String bearer) {
    }

    private static Staffed staffed() {
        Chats c = Chats.open();
        String login = Live.login();
        String id = Live.operator(login, "Anna Berg", c.domain());
        Live.liveChat(c.domain(), true, Live.ALWAYS);
        return new Staffed(c, id, Live.signIn(login));
    }

    @Test
    void operatorsHaveAPasswordHashAndOneAnswerForAnUnknownLoginAndAWrongPassword() {
        String domain = Api.randomDomain();
        String login = Live.login();
        String id = Live.operator(login, "Anna Berg", domain);
        String hash = await(() -> pool.preparedQuery("select password_hash from chat.operator where id = $1")
                .execute(Tuple.of(id)).map(rows -> rows.iterator().next().getString(0)));
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains(Live.PASSWORD));

        Live.admin().queryParam("domain", domain).get("/api/admin/chat/operators").then().statusCode(200)
                .body("operators.size()", equalTo(1)).body("operators[0].login", equalTo(login))
                .body("operators[0].domains", equalTo(List.of(domain))).body("operators[0].disabled", equalTo(false))
                .body("operators[0]", not(org.hamcrest.Matchers.hasKey("passwordHash")))
                .body(not(containsString("argon2")));
        Live.admin().body(Map.of("login", login, "displayName", "Other", "password", Live.PASSWORD, "domains", List.of()))
                .post("/api/admin/chat/operators").then().statusCode(409).body("code", equalTo("login_taken"));
        Live.admin().body(Map.of("login", Live.login(), "displayName", "Short", "password", "short", "domains", List.of()))
                .post("/api/admin/chat/operators").then().statusCode(400).body("code", equalTo("weak_password"));
        RestAssured.given().contentType(ContentType.JSON).body(Map.of("login", "x", "displayName", "x"))
                .post("/api/admin/chat/operators").then().statusCode(401);

        Response wrong = signInAttempt(login, "wrong password here");
        Response unknown = signInAttempt(Live.login(), Live.PASSWORD);
        wrong.then().statusCode(401).body("code", equalTo("invalid_credentials")).body("success", equalTo(false));
        unknown.then().statusCode(401).body("code", equalTo("invalid_credentials"));
        assertEquals(wrong.path("error").toString(), unknown.path("error").toString());

        String bearer = Live.signIn(login);
        Live.as(bearer).get("/api/operator/handoffs").then().statusCode(200).body("success", equalTo(true));
        Live.as(bearer).delete("/api/operator/session").then().statusCode(200);
        Live.as(bearer).get("/api/operator/handoffs").then().statusCode(401);

        // a disabled operator's sessions end, and they cannot sign in
        String again = Live.signIn(login);
        Live.admin().body(Map.of("disabled", true)).put("/api/admin/chat/operators/" + id).then().statusCode(200)
                .body("operator.disabled", equalTo(true));
        Live.as(again).get("/api/operator/handoffs").then().statusCode(401);
        signInAttempt(login, Live.PASSWORD).then().statusCode(401);
        Live.admin().delete("/api/admin/chat/operators/" + id).then().statusCode(200);
        Live.admin().delete("/api/admin/chat/operators/" + id).then().statusCode(404);
    }

    private static Response signInAttempt(String login, String password) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", Api.randomIp())
                .body(Map.of("login", login, "password", password)).post("/api/operator/session");
    }

    @Test
    void signInIsLimitedPerLogin() {
        String login = Live.login();
        Live.operator(login, "Anna Berg", Api.randomDomain());
        for (int i = 0; i < 10; i++) {
            signInAttempt(login, "wrong password " + i).then().statusCode(401);
        }
        // from yet another address: the login's own budget is spent, even for the right password
        signInAttempt(login, Live.PASSWORD).then().statusCode(429).body("code", equalTo("rate_limited"))
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aPersonJoinsRepliesInOrderAndTheAssistantIsBackAfterTheResolve() throws Exception {
        Staffed s = staffed();
        Chats c = s.shopper();
        assertEquals("waiting", Live.askForPerson(c));
        assertEquals(0, mailsTo("support@" + c.domain()), "a person is asked: no mail");
        String id = Live.handoffOf(s.bearer(), c.domain());
        Live.as(s.bearer()).queryParam("state", "open").get("/api/operator/handoffs").then()
                .body("handoffs.id", hasItem(id)).body("handoffs[0].state", equalTo("waiting"))
                .body("handoffs[0].claimedBy", nullValue());

        String query = "/api/chat/live?domain=" + c.domain() + "&session_id=" + c.session() + "&conversation_id="
                + c.conversationId();
        try (Live.Sse shopperStream = new Live.Sse(query, null);
                Live.Sse operatorStream = new Live.Sse("/api/operator/handoffs/" + id + "/events", s.bearer())) {
            assertEquals(200, shopperStream.status);
            assertEquals(200, operatorStream.status);
            assertTrue(shopperStream.next("state").contains("\"state\":\"waiting\""));

            Live.as(s.bearer()).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(200)
                    .body("handoff.state", equalTo("claimed")).body("handoff.claimedBy.displayName", equalTo("Anna Berg"));
            assertEquals("{\"state\":\"claimed\",\"operator\":\"Anna\"}", shopperStream.next("state"));

            int assistantBefore = assistantMessages(c);
            for (int i = 1; i <= 3; i++) {
                Live.as(s.bearer()).body(Map.of("text", "operator " + i)).post("/api/operator/handoffs/" + id + "/messages")
                        .then().statusCode(201).body("message.role", equalTo("operator"))
                        .body("message.operator", equalTo("Anna"));
                Api.chat(c.ip(), c.turn("shopper " + i + ", my email is alice@example.com")).then().statusCode(200)
                        .body("message", nullValue()).body("live.state", equalTo("claimed"))
                        .body("live.operator", equalTo("Anna"));
            }
            assertEquals(assistantBefore, assistantMessages(c), "the assistant stays silent while a person holds it");

            List<String> seen = shopperStream.messages(3);
            for (int i = 0; i < 3; i++) {
                assertTrue(seen.get(i).contains("\"text\":\"operator " + (i + 1) + "\""), seen.get(i));
                assertTrue(seen.get(i).contains("\"operator\":\"Anna\""), seen.get(i));
            }
            List<String> operatorSeen = operatorStream.messages(6);
            List<String> order = operatorSeen.stream().map(m -> m.replaceAll(".*\"text\":\"([^\"]*)\".*", "$1")).toList();
            assertEquals(List.of("operator 1", "shopper 1, my email is alice@example.com", "operator 2",
                    "shopper 2, my email is alice@example.com", "operator 3", "shopper 3, my email is alice@example.com"),
                    order, "the operator reads the shopper's words as typed, in order");

            // polling sees the same, in order, and from an id on
            Response polled = RestAssured.given().header("X-Forwarded-For", c.ip()).queryParam("domain", c.domain())
                    .queryParam("session_id", c.session()).queryParam("conversation_id", c.conversationId())
                    .get("/api/chat/live/messages");
            polled.then().statusCode(200).body("state", equalTo("claimed")).body("operator", equalTo("Anna"))
                    .body("messages.text", equalTo(List.of("operator 1", "operator 2", "operator 3")));
            long second = ((Number) polled.path("messages[1].id")).longValue();
            Live.as(s.bearer()).queryParam("after", second).get("/api/operator/handoffs/" + id + "/messages").then()
                    .statusCode(200).body("messages.text", equalTo(List.of("shopper 2, my email is alice@example.com",
                            "operator 3", "shopper 3, my email is alice@example.com")));

            // an unverified shopper is "none" in the inbox list as in the detail
            Live.as(s.bearer()).get("/api/operator/handoffs").then().statusCode(200)
                    .body("handoffs.find { it.id == '" + id + "' }.verification", equalTo("none"));
            // the operator's transcript: redacted before the handoff, as typed after
            Live.as(s.bearer()).get("/api/operator/handoffs/" + id).then().statusCode(200)
                    .body("verification.level", equalTo("none")).body("verification.orders", equalTo(List.of()))
                    .body("transcript.text", hasItem("I want to talk to a real person please"))
                    .body("transcript.text", hasItem("shopper 1, my email is alice@example.com"))
                    .body("transcript.text", not(hasItem("shopper 1, my email is [email]")));
            // the shopper's history keeps only the redacted copy, and shows the person's replies
            RestAssured.given().queryParam("session_id", c.session()).get("/api/chat/" + c.conversationId()).then()
                    .statusCode(200).body("messages.text", hasItem("shopper 1, my email is [email]"))
                    .body("messages.text", not(hasItem("shopper 1, my email is alice@example.com")))
                    .body("messages.findAll { it.role == 'operator' }.text",
                            equalTo(List.of("operator 1", "operator 2", "operator 3")));

            Live.as(s.bearer()).post("/api/operator/handoffs/" + id + "/resolve").then().statusCode(200)
                    .body("handoff.state", equalTo("resolved"));
            assertTrue(shopperStream.next("message").contains("I'm back"));
            assertEquals("{\"state\":\"resolved\"}", shopperStream.next("state"));
        }
        // a browser that reconnects after operator 1 gets what it missed from PostgreSQL, in order
        long first = ((Number) RestAssured.given().header("X-Forwarded-For", c.ip()).queryParam("domain", c.domain())
                .queryParam("session_id", c.session()).queryParam("conversation_id", c.conversationId())
                .get("/api/chat/live/messages").path("messages[0].id")).longValue();
        try (Live.Sse again = new Live.Sse(query + "&after=" + first, null)) {
            assertEquals("{\"state\":\"resolved\"}", again.next("state"));
            List<String> missed = again.messages(3);
            assertTrue(missed.get(0).contains("operator 2") && missed.get(1).contains("operator 3")
                    && missed.get(2).contains("\"role\":\"assistant\"") && missed.get(2).contains("I'm back"),
                    missed.toString());
        }
        Live.as(s.bearer()).body(Map.of("text", "too late")).post("/api/operator/handoffs/" + id + "/messages").then()
                .statusCode(409).body("code", equalTo("resolved"));
        Live.as(s.bearer()).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(409)
                .body("code", equalTo("resolved"));
        // the assistant answers again
        Api.chat(c.ip(), c.turn("hello")).then().statusCode(200).body("message", not(nullValue()));
        List<String> actions = await(() -> pool.preparedQuery("select action from chat.operator_action"
                + " where handoff_id = $1 order by id").execute(Tuple.of(id)).map(rows -> {
                    List<String> out = new java.util.ArrayList<>();
                    rows.forEach(r -> out.add(r.getString(0)));
                    return out;
                }));
        assertEquals(List.of("claim", "reply", "reply", "reply", "resolve"), actions);
    }

    private static int assistantMessages(Chats c) {
        List<String> roles = RestAssured.given().queryParam("session_id", c.session()).get("/api/chat/" + c.conversationId())
                .then().statusCode(200).extract().path("messages.role");
        return (int) roles.stream().filter("assistant"::equals).count();
    }

    @Test
    void aMessageWhileClaimedExecutesNoProposalAndCallsNoAssistant() {
        Staffed s = staffed();
        Chats c = s.shopper();
        Live.askForPerson(c);
        String id = Live.handoffOf(s.bearer(), c.domain());
        Live.as(s.bearer()).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(200);
        int before = assistantMessages(c);
        Map<String, Object> confirm = new java.util.HashMap<>(c.turn("yes, cancel order 1001"));
        confirm.put("confirm", "pa_anything");
        Api.chat(c.ip(), confirm).then().statusCode(200).body("message", nullValue()).body("live.state", equalTo("claimed"));
        // the streamed turn too: no text, one done event without a message
        String streamed = Api.client(c.ip()).body(c.turn("are you there?")).post("/api/chat/stream").then().statusCode(200)
                .extract().asString();
        assertFalse(streamed.contains("event: delta"), streamed);
        assertTrue(
                streamed.contains("event: done") && streamed.contains("\"live\":{\"state\":\"claimed\",\"operator\":\"Anna\"}")
                        && !streamed.contains("\"message\""),
                streamed);
        assertEquals(before, assistantMessages(c));
        Live.as(s.bearer()).queryParam("after", 0).get("/api/operator/handoffs/" + id + "/messages").then()
                .body("messages.text", equalTo(List.of("yes, cancel order 1001", "are you there?")));
        ServicesResource.gateway.verify(0, com.github.tomakehurst.wiremock.client.WireMock
                .postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/orders/.*")));
    }

    @Test
    void theOperatorSeesTheVerificationLevelAndTheOrdersTheGrantCoversNothingMore() {
        Staffed s = staffed();
        Chats c = s.shopper();
        ServicesResource.verification.stubFor(com.github.tomakehurst.wiremock.client.WireMock
                .post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/verification/simple"))
                .atPriority(1).willReturn(okJson("{\"level\": \"full\"}")));
        await(() -> verifications.startSimple(c.ctx(), Stubs.ALICE, 1001L));
        Live.askForPerson(c);
        String id = Live.handoffOf(s.bearer(), c.domain());
        Live.as(s.bearer()).get("/api/operator/handoffs").then().body("handoffs[0].verification", equalTo("email"));
        Live.as(s.bearer()).get("/api/operator/handoffs/" + id).then().statusCode(200)
                .body("verification.level", equalTo("email")).body("verification.orders", equalTo(List.of(1001)))
                .body(not(containsString(Stubs.ALICE)));
    }

    @Test
    void anOperatorOfAnotherStoreSeesNothingAndCannotClaim() {
        Staffed s = staffed();
        Live.askForPerson(s.shopper());
        String id = Live.handoffOf(s.bearer(), s.shopper().domain());
        String other = Live.login();
        Live.operator(other, "Bea Other", Api.randomDomain());
        String bearer = Live.signIn(other);
        Live.as(bearer).get("/api/operator/handoffs").then().statusCode(200).body("handoffs.id", not(hasItem(id)));
        Live.as(bearer).queryParam("domain", s.shopper().domain()).get("/api/operator/handoffs").then()
                .body("handoffs.size()", equalTo(0));
        Live.as(bearer).get("/api/operator/handoffs/" + id).then().statusCode(404).body("code", equalTo("handoff_not_found"));
        Live.as(bearer).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(404);
        Live.as(bearer).body(Map.of("text", "hi")).post("/api/operator/handoffs/" + id + "/messages").then().statusCode(404);
        try {
            Live.Sse events = new Live.Sse("/api/operator/handoffs/" + id + "/events", bearer);
            assertEquals(404, events.status);
            events.close();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // still waiting for its own store's people
        Live.as(s.bearer()).get("/api/operator/handoffs/" + id).then().statusCode(200)
                .body("handoff.state", equalTo("waiting"));
    }

    @Test
    void aSecondOperatorIsToldWhoHoldsTheConversation() {
        Staffed s = staffed();
        Chats c = s.shopper();
        String second = Live.login();
        Live.operator(second, "Carl Second", c.domain());
        String bearer = Live.signIn(second);
        Live.askForPerson(c);
        String id = Live.handoffOf(s.bearer(), c.domain());
        Live.as(s.bearer()).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(200);
        Live.as(bearer).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(409)
                .body("code", equalTo("already_claimed")).body("error", containsString("Anna Berg"));
        Live.as(bearer).body(Map.of("text", "me too")).post("/api/operator/handoffs/" + id + "/messages").then()
                .statusCode(409).body("code", equalTo("not_claimed_by_you"));
        Live.as(bearer).post("/api/operator/handoffs/" + id + "/resolve").then().statusCode(409);
        Live.as(bearer).get("/api/operator/handoffs/" + id).then().statusCode(200)
                .body("handoff.claimedBy.displayName", equalTo("Anna Berg"));
    }

    @Test
    void outsideBusinessHoursTheMailGoesOutOnceAndTheShopperIsToldNobodyIsThere() throws Exception {
        Chats c = Chats.open();
        Live.operator(Live.login(), "Anna Berg", c.domain());
        Live.liveChat(c.domain(), true, Live.NEVER);
        Live.admin().get("/api/admin/chat/live/" + c.domain()).then().statusCode(200).body("open", equalTo(false))
                .body("operators", equalTo(1)).body("settings.enabled", equalTo(true));
        Api.chat(c.ip(), c.turn("I want to talk to a real person please")).then().statusCode(200)
                .body("live.state", equalTo("unstaffed")).body("message", containsString("Nobody from the store's team"));
        assertEquals(1, mailsTo("support@" + c.domain()));
        Api.chat(c.ip(), c.turn("I want to talk to a real person please")).then().statusCode(200)
                .body("live.state", equalTo("unstaffed"));
        assertEquals(1, mailsTo("support@" + c.domain()), "once per conversation");
    }

    @Test
    void inHoursAndEnabledButWithoutAnOperatorTheEmailPathIsTaken() throws Exception {
        Chats c = Chats.open();
        Live.liveChat(c.domain(), true, Live.ALWAYS);
        Live.admin().get("/api/admin/chat/live/" + c.domain()).then().body("open", equalTo(false))
                .body("operators", equalTo(0));
        assertEquals("unstaffed", Live.askForPerson(c));
        assertEquals(1, mailsTo("support@" + c.domain()));
    }

    @Test
    void nobodyClaimsInTimeTheShopperIsToldAndOfferedTheEmailPath() throws Exception {
        Staffed s = staffed();
        Chats c = s.shopper();
        Live.askForPerson(c);
        String query = "/api/chat/live?domain=" + c.domain() + "&session_id=" + c.session() + "&conversation_id="
                + c.conversationId();
        try (Live.Sse stream = new Live.Sse(query, null)) {
            assertTrue(stream.next("state").contains("waiting"));
            await(() -> timeouts.sweep(Instant.now().plus(Duration.ofMinutes(4))));
            Live.as(s.bearer()).queryParam("state", "waiting").get("/api/operator/handoffs").then()
                    .body("handoffs.size()", equalTo(1));
            await(() -> timeouts.sweep(Instant.now().plus(Duration.ofMinutes(6))));
            assertTrue(stream.next("message").contains("nobody from the store's team could join"));
            assertEquals("{\"state\":\"timed_out\"}", stream.next("state"));
        }
        assertEquals(0, mailsTo("support@" + c.domain()));
        // a yes to the email path: the transcript goes to the support address, once
        Api.chat(c.ip(), c.turn("I want to talk to a real person please")).then().statusCode(200)
                .body("live.state", equalTo("timed_out"));
        assertEquals(1, mailsTo("support@" + c.domain()));
        Api.chat(c.ip(), c.turn("I want to talk to a real person please")).then().statusCode(200);
        assertEquals(1, mailsTo("support@" + c.domain()));
    }

    @Test
    void anEventPublishedOnRedisByAnotherReplicaReachesTheStream() throws Exception {
        Chats c = Chats.open();
        String query = "/api/chat/live?domain=" + c.domain() + "&session_id=" + c.session() + "&conversation_id="
                + c.conversationId();
        try (Live.Sse stream = new Live.Sse(query, null)) {
            assertEquals("{\"state\":\"none\"}", stream.next("state"));
            stream.next("ping"); // the heartbeat (CHAT_LIVE_HEARTBEAT, 1 s in tests)
            String event = "{\"conversationId\":\"" + c.conversationId() + "\",\"message\":{\"id\":987654321,"
                    + "\"handoffId\":\"h_other\",\"conversationId\":\"" + c.conversationId() + "\",\"role\":\"operator\","
                    + "\"text\":\"from the other replica\",\"operatorName\":\"Bea Other\",\"at\":\"2026-01-01T10:00:00Z\"},"
                    + "\"handoff\":null}";
            // another replica: its own Redis connection, publishing as LiveBus does
            long delivered = 0;
            for (int i = 0; i < 50 && delivered == 0; i++) {
                delivered = publish(LiveBus.PREFIX + c.conversationId(), event);
                if (delivered == 0) {
                    Thread.sleep(100);
                }
            }
            assertTrue(delivered >= 1, "a replica listens on chat:live:*");
            String m = stream.next("message");
            assertTrue(m.contains("\"text\":\"from the other replica\"") && m.contains("\"operator\":\"Bea\""), m);
        }
        // the other session may not listen
        RestAssured.given().header("X-Forwarded-For", Api.randomIp()).queryParam("domain", c.domain())
                .queryParam("session_id", "someone-else").queryParam("conversation_id", c.conversationId())
                .get("/api/chat/live").then().statusCode(404).body("code", equalTo("conversation_not_found"));
    }

    /** PUBLISH over a plain socket (RESP): answers how many subscribers got it. */
    private static long publish(String channel, String message) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", 6379)) {
            byte[] ch = channel.getBytes(StandardCharsets.UTF_8);
            byte[] msg = message.getBytes(StandardCharsets.UTF_8);
            String command = "*3\r\n$7\r\nPUBLISH\r\n$" + ch.length + "\r\n" + channel + "\r\n$" + msg.length + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(command.getBytes(StandardCharsets.UTF_8));
            out.write(msg);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder reply = new StringBuilder();
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                reply.append((char) b);
            }
            return Long.parseLong(reply.toString().trim().substring(1));
        }
    }

    @Test
    void theAdminSetsHoursInTheStoresTimeZoneAndMalformedRangesAreRefused() {
        String domain = Api.randomDomain();
        ServicesResource.gateway.stubFor(get(urlPathMatching("/internal/tenants/" + domain.replace(".", "\\.")
                + "/time-zone")).atPriority(1).willReturn(okJson("{\"timeZone\":\"America/New_York\",\"source\":\"store\"}")));
        Live.admin().get("/api/admin/chat/live/" + domain).then().statusCode(200)
                .body("settings.enabled", equalTo(false)).body("settings.timeZone", equalTo("America/New_York"))
                .body("settings.timeZoneSource", equalTo("store"))
                .body("settings.hours.mon", equalTo(List.of(List.of("09:00", "17:00"))))
                .body("settings.hours.sun", equalTo(List.of())).body("open", equalTo(false));
        Live.admin().body(Map.of("enabled", true, "hours", Map.of("mon", List.of(List.of("17:00", "09:00")))))
                .put("/api/admin/chat/live/" + domain).then().statusCode(400).body("success", equalTo(false));
        Live.admin().body(Map.of("hours", Map.of("mon", List.of(List.of("9am", "5pm")))))
                .put("/api/admin/chat/live/" + domain).then().statusCode(400);
        Live.admin().body(Map.of("enabled", true, "hours", Live.ALWAYS, "claimTimeoutMinutes", 3))
                .put("/api/admin/chat/live/" + domain).then().statusCode(200).body("settings.claimTimeoutMinutes", equalTo(3))
                .body("settings.enabled", equalTo(true)).body("operators", equalTo(0)).body("open", equalTo(false));
        RestAssured.given().get("/api/admin/chat/live/" + domain).then().statusCode(401);
        assertTrue(Stubs.TOKEN.length() > 0);
    }
}
