package io.csc.gateway.api;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.csc.gateway.support.Api;
import io.csc.gateway.support.TestDns;
import io.quarkus.test.junit.QuarkusTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store-address policy through the admin API and at connect time, with DNS stood in for: names that resolve into
 * our network are refused for production stores, and a name that changes its answer after registration (DNS
 * rebinding) is refused on the next call without any connection being made.
 */
@QuarkusTest
class StoreAddressTest {
    @BeforeEach
    void dnsAnswers() {
        TestDns.ANSWERS.put("shop.public.example", "93.184.216.34");
        TestDns.ANSWERS.put("localtest.me", "127.0.0.1");
        TestDns.ANSWERS.put("metadata.rebind.example", "169.254.169.254");
    }

    @AfterEach
    void forgetAnswers() {
        TestDns.ANSWERS.clear();
    }

    /** url, development_store, expected status (201/200 accepted, 400 refused). */
    @ParameterizedTest
    @CsvSource({
            "https://0x7f000001, false, 400",
            "https://0177.0.0.1, false, 400",
            "https://0xa9fea9fe, true, 400",
            "https://2130706433, false, 400",
            "https://127.1, true, 400",
            "https://localtest.me, false, 400",
            "http://localtest.me, true, 200",
            "https://169.254.169.254, true, 400",
            "https://metadata.rebind.example, true, 400",
            "https://[::ffff:127.0.0.1], false, 400",
            "https://[::1], false, 400",
            "https://[fe80::1], true, 400",
            "https://nowhere.example, true, 400",
            "https://shop.public.example, false, 200"})
    void registration(String url, boolean development, int expected) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("domain", "policy-" + Integer.toHexString(url.hashCode()) + ".test");
        body.put("woocommerce_url", url);
        body.put("woocommerce_consumer_key", "ck_policy000000");
        body.put("woocommerce_consumer_secret", "cs_policy000000");
        body.put("development_store", development);
        var response = Api.admin().body(body).post("/api/admin/config").then();
        if (expected == 400) {
            response.statusCode(400).body("success", equalTo(false)).body("code", equalTo("invalid_store_url"));
        } else {
            response.statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        }
    }

    @Test
    void unresolvableHostsAreRefusedWithAClearMessage() {
        Api.admin().body(Map.of("domain", "nowhere.test", "woocommerce_url", "https://nowhere.example",
                "woocommerce_consumer_key", "ck_policy000000", "woocommerce_consumer_secret", "cs_policy000000"))
                .post("/api/admin/config").then().statusCode(400).body("error", containsString("does not resolve"));
    }

    @Test
    void aNameThatRebindsToLoopbackAfterRegistrationIsNeverCalled() {
        TestDns.ANSWERS.put("rebind.example", "93.184.216.34");
        Api.admin().body(Map.of("domain", "rebind.test", "woocommerce_url", "https://rebind.example",
                "woocommerce_consumer_key", "ck_policy000000", "woocommerce_consumer_secret", "cs_policy000000",
                "woocommerce_enabled", true)).post("/api/admin/config").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(201)));
        int lookupsBefore = TestDns.lookups("rebind.example");
        TestDns.ANSWERS.put("rebind.example", "127.0.0.1");
        Api.client(Api.randomIp()).body(Map.of("domain", "rebind.test", "productId", 23)).post("/api/woocommerce/stock")
                .then().statusCode(502).body("code", equalTo("store_address_forbidden"));
        TestDns.ANSWERS.put("rebind.example", "169.254.169.254");
        Api.admin().get("/api/admin/woocommerce/rebind.test/products/24").then().statusCode(502)
                .body("code", equalTo("store_address_forbidden"));
        assertTrue(TestDns.lookups("rebind.example") > lookupsBefore, "the host is resolved again for each call");
    }
}
