package io.csc.cart.recovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.csc.web.Hmac;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The unsubscribe route takes unsubscribe tokens only: an identity or restore token signed from the same plugin secret,
 * naming the same store and email, unsubscribes nothing. Links mailed before purposes (raw secret, no typ) keep
 * working here, and only in their exact old shape, until they expire.
 */
@QuarkusTest
class UnsubscribeTokenPurposeTest extends CartTestSupport {

    private long unsubscribed(String domain, String email) {
        return count("SELECT count(*) FROM cart.unsubscribes WHERE domain = $1 AND email = $2", domain, email);
    }

    private static void refused(String token) {
        given().queryParam("token", token).get("/api/carts/unsubscribe").then().statusCode(400)
                .body(containsString("invalid or has expired"));
        given().queryParam("token", token).post("/api/carts/unsubscribe").then().statusCode(400)
                .body(containsString("invalid or has expired"));
    }

    private static void accepted(String token) {
        given().queryParam("token", token).post("/api/carts/unsubscribe").then().statusCode(200)
                .body(containsString("unsubscribed"));
    }

    /** A token as the old signer made it: raw plugin secret as the key, the payload exactly as given. */
    private static String oldFormat(String secret, String json) {
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        return body + "." + Hmac.sha256Hex(secret, body);
    }

    @Test
    void identityAndRestoreTokensUnsubscribeNothing() {
        String domain = newTenant();
        String email = unique("ida") + "@example.com";
        Instant exp = clock.instant().plus(Duration.ofDays(1));
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("domain", domain);
        identity.put("customerId", 7);
        identity.put("email", email);
        identity.put("segment", "vip");
        // A restore token that also names the store and the email: only its purpose keeps it out.
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("domain", domain);
        restore.put("email", email);
        restore.put("sessionId", "s-1");
        restore.put("items", List.of(Map.of("productId", 11, "variationId", 0, "quantity", 1)));
        for (String token : List.of(SignedToken.sign(Purpose.IDENTITY, secretOf(domain), identity, exp),
                SignedToken.sign(Purpose.RESTORE, secretOf(domain), restore, exp),
                SignedToken.sign(Purpose.RESTORE, secretOf(domain), Map.of("domain", domain, "email", email), exp))) {
            refused(token);
        }
        assertEquals(0, unsubscribed(domain, email));

        // The control: the same store and email in an unsubscribe token do unsubscribe.
        accepted(SignedToken.sign(Purpose.UNSUBSCRIBE, secretOf(domain), Map.of("domain", domain, "email", email), exp));
        assertEquals(1, unsubscribed(domain, email));
    }

    @Test
    void anOldUnsubscribeLinkStillUnsubscribesUntilItExpires() {
        String domain = newTenant();
        String email = unique("old") + "@example.com";
        long exp = clock.instant().plus(Duration.ofDays(180)).getEpochSecond();
        String old = oldFormat(secretOf(domain),
                "{\"domain\":\"" + domain + "\",\"email\":\"" + email + "\",\"exp\":" + exp + "}");
        given().queryParam("token", old).get("/api/carts/unsubscribe").then().statusCode(200)
                .body(containsString("method=\"post\""));
        assertEquals(0, unsubscribed(domain, email), "GET changes nothing");
        accepted(old);
        assertEquals(1, unsubscribed(domain, email));

        String later = unique("late") + "@example.com";
        String expired = oldFormat(secretOf(domain), "{\"domain\":\"" + domain + "\",\"email\":\"" + later + "\",\"exp\":"
                + clock.instant().minusSeconds(1).getEpochSecond() + "}");
        refused(expired);
        assertEquals(0, unsubscribed(domain, later));
    }

    @Test
    void onlyTheExactOldUnsubscribeShapeIsHonouredInTheOldFormat() {
        String domain = newTenant();
        String email = unique("shape") + "@example.com";
        long exp = clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
        String secret = secretOf(domain);
        for (String json : List.of(
                // an old identity token that happens to name the store
                "{\"domain\":\"" + domain + "\",\"customerId\":7,\"email\":\"" + email + "\",\"segment\":\"vip\",\"exp\":" + exp
                        + "}",
                // a new-looking payload under the old key
                "{\"typ\":\"unsubscribe\",\"domain\":\"" + domain + "\",\"email\":\"" + email + "\",\"exp\":" + exp + "}",
                "{\"domain\":\"" + domain + "\",\"email\":\"" + email + "\",\"sessionId\":\"s\",\"items\":[],\"exp\":" + exp
                        + "}")) {
            refused(oldFormat(secret, json));
        }
        // Signed with another store's secret: refused as before.
        refused(oldFormat(secretOf(newTenant()),
                "{\"domain\":\"" + domain + "\",\"email\":\"" + email + "\",\"exp\":" + exp + "}"));
        assertEquals(0, unsubscribed(domain, email));
    }
}
