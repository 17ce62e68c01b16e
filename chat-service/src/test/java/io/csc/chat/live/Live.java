package io.csc.chat.live;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** What the live-handoff tests do through the routes: operators, store settings, a shopper asking for a person. */
public final class Live {
    public static final String ADMIN = "Bearer test-admin-token-0123456789";
    public static final String PASSWORD = "correct horse battery staple";

    private Live() {
    }

    public static RequestSpecification admin() {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", ADMIN);
    }

    public static String login() {
        return "op-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** Creates an operator of these stores and answers their id. */
    public static String operator(String login, String displayName, String... domains) {
        return admin().body(Map.of("login", login, "displayName", displayName, "password", PASSWORD, "domains",
                List.of(domains))).post("/api/admin/chat/operators").then().statusCode(201).extract().path("operator.id");
    }

    /** Signs in and answers the bearer header. */
    public static String signIn(String login) {
        String token = RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", Api.randomIp())
                .body(Map.of("login", login, "password", PASSWORD)).post("/api/operator/session").then().statusCode(200)
                .extract().path("token");
        return "Bearer " + token;
    }

    public static RequestSpecification as(String bearer) {
        return RestAssured.given().contentType(ContentType.JSON).header("Authorization", bearer);
    }

    public static final Map<String, Object> ALWAYS = Map.of("mon", List.of(List.of("00:00", "24:00")), "tue",
            List.of(List.of("00:00", "24:00")), "wed", List.of(List.of("00:00", "24:00")), "thu",
            List.of(List.of("00:00", "24:00")), "fri", List.of(List.of("00:00", "24:00")), "sat",
            List.of(List.of("00:00", "24:00")), "sun", List.of(List.of("00:00", "24:00")));
    public static final Map<String, Object> NEVER = Map.of("mon", List.of(), "tue", List.of(), "wed", List.of(), "thu",
            List.of(),
            "fri", List.of(), "sat", List.of(), "sun", List.of());

    public static void liveChat(String domain, boolean enabled, Map<String, Object> hours) {
        admin().body(Map.of("enabled", enabled, "hours", hours, "claimTimeoutMinutes", 5))
                .put("/api/admin/chat/live/" + domain).then().statusCode(200);
    }

    /** The shopper asks for a person; answers the chat response's {@code live.state}. */
    public static String askForPerson(Chats c) {
        return Api.chat(c.ip(), c.turn("I want to talk to a real person please")).then().statusCode(200)
                .body("ui.handoff", org.hamcrest.Matchers.equalTo(true)).extract().path("live.state");
    }

    public static String handoffOf(String bearer, String domain) {
        return as(bearer).queryParam("domain", domain).get("/api/operator/handoffs").then().statusCode(200)
                .extract().path("handoffs[0].id");
    }

    /**
     * A conversation a person of the store answered: an operator (Anna Berg) of the conversation's store, live chat
     * always open, the shopper asks for a person, Anna claims the handoff and replies {@code text}. Answers the handoff's
     * id.
     */
    public static String personReplied(Chats c, String text) {
        String login = login();
        operator(login, "Anna Berg", c.domain());
        liveChat(c.domain(), true, ALWAYS);
        String bearer = signIn(login);
        askForPerson(c);
        String id = handoffOf(bearer, c.domain());
        as(bearer).post("/api/operator/handoffs/" + id + "/claim").then().statusCode(200);
        as(bearer).body(Map.of("text", text)).post("/api/operator/handoffs/" + id + "/messages").then().statusCode(201);
        return id;
    }

    /** Server-Sent Events read as a browser would, in the background: each event as "event|data". */
    public static final class Sse implements AutoCloseable {
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        private final HttpURLConnection connection;
        private final Thread reader;
        volatile int status;

        public Sse(String pathAndQuery, String authorization) throws Exception {
            connection = (HttpURLConnection) URI.create("http://localhost:" + RestAssured.port + pathAndQuery).toURL()
                    .openConnection();
            connection.setRequestProperty("Accept", "text/event-stream");
            connection.setRequestProperty("X-Forwarded-For", Api.randomIp());
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            connection.setReadTimeout(30_000);
            status = connection.getResponseCode();
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
                    String event = null;
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.startsWith("event: ")) {
                            event = line.substring(7);
                        } else if (line.startsWith("data: ")) {
                            events.add(event + "|" + line.substring(6));
                        } else if (line.startsWith(": ping")) {
                            events.add("ping|");
                        } else if (line.isEmpty()) {
                            event = null;
                        }
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event of this type (others skipped), or a failure after 10 s. */
        public String next(String type) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until) {
                String e = events.poll(200, TimeUnit.MILLISECONDS);
                if (e != null && e.startsWith(type + "|")) {
                    return e.substring(type.length() + 1);
                }
            }
            throw new AssertionError("no " + type + " event within 10 s");
        }

        public List<String> messages(int n) throws InterruptedException {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                out.add(next("message"));
            }
            return out;
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }
}
