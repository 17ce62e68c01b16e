package io.csc.gateway.tenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.csc.gateway.crypto.CredentialCipher;
import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A store whose sealed keys the configured ENCRYPTION_KEY cannot open (the key was changed without keeping the old one
 * in ENCRYPTION_KEYS_PREVIOUS) must not take the store list, the console's sign-in (which is that list) or the other
 * stores down: it shows as unreadable, in words, and can be given new keys or deleted.
 */
@QuarkusTest
class UnreadableKeysTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** A key this gateway has never been given: what the rows hold after ENCRYPTION_KEY was replaced. */
    private static final CredentialCipher RETIRED = new CredentialCipher("retired-key-0123456789abcdefghij", List.of());

    private void insertSealedWithRetiredKey(String domain) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement insert = db.prepareStatement("INSERT INTO gateway.tenants (domain, store_name,"
                        + " woocommerce_url, woocommerce_enabled, consumer_key_enc, consumer_secret_enc,"
                        + " plugin_secret_enc, development_store, created_at, updated_at)"
                        + " VALUES (?, ?, ?, true, ?, ?, ?, true, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setString(1, domain);
            insert.setString(2, "Old key store");
            insert.setString(3, "http://127.0.0.1:9");
            insert.setString(4, RETIRED.encrypt("ck_retired00000000000000000000000000001234",
                    TenantService.context(domain, "consumer_key")));
            insert.setString(5, RETIRED.encrypt("cs_retired00000000000000000000000000005678",
                    TenantService.context(domain, "consumer_secret")));
            insert.setString(6, RETIRED.encrypt("plugin-secret-sealed-with-the-old-key",
                    TenantService.context(domain, "plugin_secret")));
            insert.setTimestamp(7, now);
            insert.setTimestamp(8, now);
            insert.executeUpdate();
        }
    }

    private static Map<String, Object> inList(JsonPath list, String domain) {
        List<Map<String, Object>> all = list.getList("tenants");
        return all.stream().filter(t -> domain.equals(t.get("domain"))).findFirst().orElseThrow(
                () -> new AssertionError(domain + " is missing from the store list"));
    }

    @Test
    void anUnreadableStoreIsListedAsSuchAndTheOthersKeepWorking() throws Exception {
        String good = "readable-" + System.nanoTime() + ".test";
        String broken = "unreadable-" + System.nanoTime() + ".test";
        Api.registerStore(good, "http://127.0.0.1:9", "ck_good00000000000000000000000000000000abcd",
                "cs_good00000000000000000000000000000000efgh");
        insertSealedWithRetiredKey(broken);

        // the list (the console's sign-in) answers, with both stores, the broken one in words
        JsonPath list = Api.admin().get("/api/admin/config").then().statusCode(200)
                .body("success", equalTo(true)).extract().jsonPath();
        Map<String, Object> b = inList(list, broken);
        assertEquals("Unreadable", b.get("credentials_status"));
        assertEquals("keys unreadable — enter them again", b.get("credentials_problem"));
        assertEquals(null, b.get("woocommerce_consumer_key"));
        Map<String, Object> g = inList(list, good);
        assertEquals("Encrypted", g.get("credentials_status"));
        assertEquals("ck_****abcd", g.get("woocommerce_consumer_key"));
        assertEquals(null, g.get("credentials_problem"));

        Api.admin().get("/api/admin/config/" + broken).then().statusCode(200)
                .body("credentials_status", equalTo("Unreadable"));

        // the other services and the connection test get a clear error for that store only
        Api.internal().get("/internal/tenants/" + broken).then().statusCode(503)
                .body("success", equalTo(false)).body("code", equalTo("store_keys_unreadable"))
                .body("error", containsString("enter them again"));
        Api.admin().get("/api/admin/test-woocommerce?domain=" + broken).then().statusCode(503)
                .body("code", equalTo("store_keys_unreadable"));
        Api.internal().get("/internal/tenants/" + good).then().statusCode(200).body("domain", equalTo(good));

        // re-sealing every store with the current key skips what it cannot open instead of failing them all
        Api.admin().post("/api/admin/keys/rotate").then().statusCode(200).body("success", equalTo(true));
        Api.admin().get("/api/admin/config/" + good).then().statusCode(200).body("credentials_status",
                equalTo("Encrypted"));
    }

    @Test
    void anUnreadableStoreCanBeGivenNewKeys() throws Exception {
        String broken = "rekeyed-" + System.nanoTime() + ".test";
        insertSealedWithRetiredKey(broken);

        // new WooCommerce keys: the plugin secret cannot be recovered, so a new one is made and shown once
        String pluginSecret = Api.admin()
                .body(Map.of("domain", broken, "woocommerce_consumer_key", "ck_new0000000000000000000000000000000009876",
                        "woocommerce_consumer_secret", "cs_new0000000000000000000000000000000005432"))
                .post("/api/admin/config").then().statusCode(200)
                .body("credentials_status", equalTo("Encrypted"))
                .body("credentials_problem", nullValue())
                .body("woocommerce_consumer_key", equalTo("ck_****9876"))
                .body("plugin_secret", matchesPattern("[0-9a-f]{64}"))
                .extract().path("plugin_secret");

        String served = Api.internal().get("/internal/tenants/" + broken).then().statusCode(200)
                .extract().path("pluginSecret");
        assertEquals(pluginSecret, served);
        assertNotEquals("plugin-secret-sealed-with-the-old-key", served);

        // a later edit keeps that secret (it is readable now) and shows none
        Api.admin().body(Map.of("domain", broken, "support_email", "help@" + broken)).post("/api/admin/config")
                .then().statusCode(200).body("$", not(org.hamcrest.Matchers.hasKey("plugin_secret")));
    }

    @Test
    void anUnreadableStoreCanBeGivenItsOldPluginSecretOrDeleted() throws Exception {
        String broken = "resecret-" + System.nanoTime() + ".test";
        insertSealedWithRetiredKey(broken);
        String secret = "the-plugin-secret-the-store-still-has-0123456789";
        Api.admin().body(Map.of("domain", broken, "plugin_secret", secret, "woocommerce_consumer_key",
                "ck_new0000000000000000000000000000000001111", "woocommerce_consumer_secret",
                "cs_new0000000000000000000000000000000002222"))
                .post("/api/admin/config").then().statusCode(200)
                .body("credentials_status", equalTo("Encrypted"))
                .body("$", not(org.hamcrest.Matchers.hasKey("plugin_secret")));
        Api.internal().get("/internal/tenants/" + broken).then().statusCode(200).body("pluginSecret", equalTo(secret));

        String other = "deleted-" + System.nanoTime() + ".test";
        insertSealedWithRetiredKey(other);
        Api.admin().delete("/api/admin/config/" + other).then().statusCode(204);
        Api.admin().get("/api/admin/config/" + other).then().statusCode(404).body("code", equalTo("tenant_not_found"));
    }
}
