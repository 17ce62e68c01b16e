package io.csc.gateway.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Behind the ingress (a trusted proxy: loopback, the default of {@code TRUSTED_PROXIES}) each shopper has their own
 * window, keyed by the address the ingress forwarded, not the ingress' own address. {@link UntrustedProxyTest} is the
 * other side: from a peer that is not trusted the header changes nothing.
 */
@QuarkusTest
class TrustedProxyTest {
    @Test
    void eachForwardedAddressHasItsOwnWindow() {
        String shopper = Api.randomIp();
        long limit = limit(shopper);
        assertEquals(limit - 1, remaining(shopper));
        assertEquals(limit - 2, remaining(shopper));
        // another shopper behind the same ingress starts a fresh window
        assertEquals(limit - 1, remaining(Api.randomIp()));
    }

    @Test
    void theRightMostAddressTheIngressWroteCountsNotOneTheClientClaimed() {
        String shopper = Api.randomIp();
        long limit = limit(shopper);
        // a proxy that appends: "<what the client sent>, <who connected>": the client's own claim is skipped
        assertEquals(limit - 1, remaining("203.0.113.9, " + shopper));
        assertEquals(limit - 2, remaining("198.51.100.77, " + shopper));
        assertEquals(limit - 3, remaining(shopper));
    }

    private static Response stock(String forwardedFor) {
        return given().header("X-Forwarded-For", forwardedFor).contentType(ContentType.JSON)
                .body(Map.of("domain", "nobody.test", "sku", "X")).post("/api/woocommerce/stock").then().statusCode(404)
                .extract().response();
    }

    /** The configured limit, read from an answer to another address (this one's window stays untouched). */
    private static long limit(String notThisOne) {
        String other = Api.randomIp();
        return other.equals(notThisOne) ? limit(notThisOne) : Long.parseLong(stock(other).header("X-RateLimit-Limit"));
    }

    private static long remaining(String forwardedFor) {
        return Long.parseLong(stock(forwardedFor).header("X-RateLimit-Remaining"));
    }
}
