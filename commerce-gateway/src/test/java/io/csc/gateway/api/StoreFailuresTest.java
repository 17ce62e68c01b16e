package io.csc.gateway.api;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.support.Api;
import io.csc.gateway.support.Fixtures;
import io.csc.gateway.support.ShortLimitsProfile;
import io.csc.gateway.support.WireMockStore;
import io.csc.gateway.woo.WooTransport;
import io.csc.test.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What shoppers and operators see when a store misbehaves, and that one bad store never hurts another. */
@QuarkusTest
@TestProfile(ShortLimitsProfile.class)
@QuarkusTestResource(WireMockStore.class)
class StoreFailuresTest {
    @InjectWireMock
    WireMockServer wiremock;

    @ConfigProperty(name = "test.wiremock.url")
    String wiremockUrl;

    @Inject
    WooTransport transport;

    @Inject
    StoreCache cache;

    @BeforeEach
    void stores() {
        wiremock.resetAll();
        transport.resetBreakers();
        for (String domain : new String[]{"healthy.test", "broken.test", "locked.test", "down.test"}) {
            cache.invalidateCatalog(domain).await().indefinitely();
        }
        String product = Fixtures.load("product_get_simple").at("/response/body").toString();
        String list = Fixtures.load("products_by_sku").at("/response/body").toString();
        // "healthy" answers like the recorded store; "broken" fails with 500; "locked" refuses our keys.
        wiremock.stubFor(get(urlPathEqualTo("/healthy/wp-json/wc/v3/products/23")).willReturn(okJson(product)));
        wiremock.stubFor(get(urlPathEqualTo("/healthy/wp-json/wc/v3/products"))
                .willReturn(okJson(list).withHeader("X-WP-Total", "30").withHeader("X-WP-TotalPages", "30")));
        wiremock.stubFor(get(urlPathMatching("/broken/.*")).willReturn(aResponse().withStatus(500).withBody("oops")));
        wiremock.stubFor(get(urlPathMatching("/locked/.*")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(Fixtures.load("auth_oauth_wrong_secret").at("/response/body").toString())));
        Api.registerStore("healthy.test", wiremockUrl + "/healthy", "ck_healthy0000", "cs_healthy0000");
        Api.registerStore("broken.test", wiremockUrl + "/broken", "ck_broken00000", "cs_broken00000");
        Api.registerStore("locked.test", wiremockUrl + "/locked", "ck_locked00000", "cs_locked00000");
        Api.registerStore("down.test", "http://127.0.0.1:9", "ck_down0000000", "cs_down0000000");
    }

    @Test
    void signsPlainHttpCallsWithOAuthAndAnswersTheStock() {
        Api.client(Api.randomIp()).body(Map.of("domain", "healthy.test", "productId", 23)).post("/api/woocommerce/stock")
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("products[0].id", equalTo(23))
                .body("products[0].sku", equalTo("EL-EARBUDS-001"))
                .body("products[0].stock_status", equalTo("instock"))
                .body("products[0].stock_quantity", equalTo(39));
        wiremock.verify(getRequestedFor(urlPathEqualTo("/healthy/wp-json/wc/v3/products/23"))
                .withQueryParam("oauth_signature_method", equalToWire("HMAC-SHA256"))
                .withQueryParam("oauth_consumer_key", equalToWire("ck_healthy0000"))
                .withQueryParam("oauth_signature", matching(".+")));
    }

    @Test
    void oneFailingStoreOpensOnlyItsOwnBreaker() {
        for (int i = 0; i < 2; i++) {
            Api.client(Api.randomIp()).body(Map.of("domain", "broken.test", "productId", 100 + i))
                    .post("/api/woocommerce/stock")
                    .then().statusCode(502).body("code", equalTo("store_error"));
        }
        int callsBefore = wiremock.findAll(getRequestedFor(urlPathMatching("/broken/.*"))).size();
        Api.client(Api.randomIp()).body(Map.of("domain", "broken.test", "productId", 200)).post("/api/woocommerce/stock")
                .then().statusCode(503).body("code", equalTo("store_unavailable"));
        assertEquals(callsBefore, wiremock.findAll(getRequestedFor(urlPathMatching("/broken/.*"))).size(),
                "an open breaker must not call the store");

        // The healthy store, behind the same gateway, is untouched.
        Api.client(Api.randomIp()).body(Map.of("domain", "healthy.test", "productId", 23)).post("/api/woocommerce/stock")
                .then().statusCode(200).body("products[0].id", equalTo(23));
    }

    @Test
    void anUnreachableStoreIs503AndRefusedKeysAre502() {
        Api.client(Api.randomIp()).body(Map.of("domain", "down.test", "sku", "X")).post("/api/woocommerce/stock")
                .then().statusCode(503).body("success", equalTo(false)).body("code", equalTo("store_unavailable"));
        Api.client(Api.randomIp()).body(Map.of("domain", "locked.test", "sku", "X")).post("/api/woocommerce/stock")
                .then().statusCode(502).body("code", equalTo("store_auth_failed"))
                .body("error", org.hamcrest.Matchers.containsString("refused our API keys"));
        Api.admin().get("/api/admin/test-woocommerce?domain=locked.test").then().statusCode(502)
                .body("code", equalTo("store_auth_failed"));
    }

    @Test
    void operatorsGetTheDetailedConnectionTest() {
        Api.admin().get("/api/admin/test-woocommerce?domain=healthy.test").then().statusCode(200)
                .body("success", equalTo(true)).body("productCount", equalTo(30)).body("responseTimeMs", notNullValue())
                .body("storeUrl", equalTo(wiremockUrl + "/healthy"));
        Api.admin().get("/api/admin/test-woocommerce?domain=unknown.test").then().statusCode(404)
                .body("code", equalTo("tenant_not_found"));
        Api.admin().get("/api/admin/test-woocommerce").then().statusCode(400);
        Api.client(Api.randomIp()).get("/api/admin/test-woocommerce?domain=healthy.test").then().statusCode(401);
    }

    @Test
    void thePublicConnectionTestSaysOnlyOkOrNotAvailable() {
        String ok = Api.client(Api.randomIp()).get("/api/test-woocommerce?domain=healthy.test").then().statusCode(200)
                .body("success", equalTo(true)).body("status", equalTo("ok")).extract().asString();
        org.hamcrest.MatcherAssert.assertThat(ok, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("healthy")));
        org.hamcrest.MatcherAssert.assertThat(ok, org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("30")));
        // Unknown, refusing our keys, unreachable, failing: one answer, so nobody learns which stores exist.
        java.util.Set<String> bodies = new java.util.HashSet<>();
        for (String domain : new String[]{"unknown.test", "locked.test", "down.test", "broken.test"}) {
            bodies.add(Api.client(Api.randomIp()).get("/api/test-woocommerce?domain=" + domain).then().statusCode(503)
                    .body("success", equalTo(false)).body("code", equalTo("not_available")).extract().asString());
        }
        assertEquals(1, bodies.size(), "every unavailable store answers alike: " + bodies);
        Api.client(Api.randomIp()).get("/api/test-woocommerce").then().statusCode(400).body("success", equalTo(false));
    }

    @Test
    void thePublicConnectionTestDoesNotCallTheStoreEachTime() {
        for (int i = 0; i < 5; i++) {
            Api.client(Api.randomIp()).get("/api/test-woocommerce?domain=healthy.test").then().statusCode(200);
        }
        org.hamcrest.MatcherAssert.assertThat(
                wiremock.findAll(getRequestedFor(urlPathEqualTo("/healthy/wp-json/wc/v3/products"))).size(),
                lessThanOrEqualTo(1));
    }

    @Test
    void rateLimitsEachClientWithHeadersAndRetryAfter() {
        String ip = Api.randomIp();
        for (int i = 1; i <= ShortLimitsProfile.STOCK_LIMIT; i++) {
            Api.client(ip).body(Map.of("domain", "healthy.test", "productId", 23)).post("/api/woocommerce/stock")
                    .then().statusCode(200)
                    .header("X-RateLimit-Limit", equalTo(Integer.toString(ShortLimitsProfile.STOCK_LIMIT)))
                    .header("X-RateLimit-Remaining", equalTo(Integer.toString(ShortLimitsProfile.STOCK_LIMIT - i)))
                    .header("X-RateLimit-Reset", notNullValue());
        }
        String retryAfter = Api.client(ip).body(Map.of("domain", "healthy.test", "productId", 23))
                .post("/api/woocommerce/stock")
                .then().statusCode(429)
                .body("code", equalTo("rate_limited"))
                .header("X-RateLimit-Remaining", equalTo("0"))
                .extract().header("Retry-After");
        org.hamcrest.MatcherAssert.assertThat(Integer.parseInt(retryAfter), lessThanOrEqualTo(3600));
        // Another client is not affected.
        Api.client(Api.randomIp()).body(Map.of("domain", "healthy.test", "productId", 23)).post("/api/woocommerce/stock")
                .then().statusCode(200);
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToWire(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }
}
