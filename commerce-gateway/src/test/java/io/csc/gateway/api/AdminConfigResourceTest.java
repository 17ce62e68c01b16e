package io.csc.gateway.api;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AdminConfigResourceTest {
    /** The test database, wherever the run points it (QUARKUS_DATASOURCE_JDBC_URL or a -D override). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private static final String KEY = "ck_0123456789abcdef0123456789abcdef01234567";
    private static final String SECRET = "cs_fedcba9876543210fedcba9876543210fedcba98";

    private static Map<String, Object> store(String domain) {
        return Map.of("domain", domain, "woocommerce_url", "https://" + domain, "woocommerce_consumer_key", KEY,
                "woocommerce_consumer_secret", SECRET, "woocommerce_enabled", true, "allowed_origins",
                List.of("https://" + domain), "support_email", "help@" + domain);
    }

    @Test
    void requiresTheAdminToken() {
        given().contentType(ContentType.JSON).body(store("noauth.example.com")).post("/api/admin/config")
                .then().statusCode(401).body("success", equalTo(false)).body("code", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").get("/api/admin/config").then().statusCode(401);
        given().header("Authorization", "Basic " + Api.ADMIN_TOKEN).get("/api/admin/config").then().statusCode(401);
    }

    @Test
    void createsAStoreShowingThePluginSecretOnceAndKeysMasked() throws Exception {
        String domain = "create.example.com";
        String pluginSecret = Api.admin().body(store(domain)).post("/api/admin/config")
                .then().statusCode(201)
                .body("success", equalTo(true))
                .body("domain", equalTo(domain))
                .body("woocommerce_consumer_key", equalTo("ck_****4567"))
                .body("woocommerce_consumer_secret", equalTo("cs_****ba98"))
                .body("credentials_status", equalTo("Encrypted"))
                .body("plugin_secret", matchesPattern("[0-9a-f]{64}"))
                .extract().path("plugin_secret");

        Api.admin().get("/api/admin/config/" + domain).then().statusCode(200)
                .body("woocommerce_consumer_key", equalTo("ck_****4567"))
                .body("$", not(hasKey("plugin_secret")))
                .body("allowed_origins[0]", equalTo("https://" + domain));

        // Nothing usable at rest: no column holds a key, the secret or the plugin secret in clear.
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                ResultSet row = db.createStatement()
                        .executeQuery("SELECT * FROM gateway.tenants WHERE domain = '" + domain + "'")) {
            assertTrue(row.next());
            StringBuilder all = new StringBuilder();
            for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                all.append(row.getString(i)).append('|');
            }
            assertFalse(all.toString().contains(KEY));
            assertFalse(all.toString().contains(SECRET));
            assertFalse(all.toString().contains(pluginSecret));
            assertTrue(row.getString("consumer_secret_enc").startsWith("v1."));
        }
    }

    @Test
    void updatesOnlyWhatIsSent() {
        String domain = "update.example.com";
        Api.admin().body(store(domain)).post("/api/admin/config").then().statusCode(201);
        Api.admin().body(Map.of("domain", domain, "support_email", "new@update.example.com")).post("/api/admin/config")
                .then().statusCode(200)
                .body("support_email", equalTo("new@update.example.com"))
                .body("woocommerce_consumer_key", equalTo("ck_****4567"))
                .body("woocommerce_enabled", equalTo(true))
                .body("plugin_secret", nullValue());
    }

    @Test
    void refusesUnsafeStoreUrls() {
        Map<String, Object> http = new java.util.HashMap<>(store("plainhttp.example.com"));
        http.put("woocommerce_url", "http://plainhttp.example.com");
        Api.admin().body(http).post("/api/admin/config").then().statusCode(400)
                .body("code", equalTo("invalid_store_url")).body("error", containsString("https"));

        Map<String, Object> metadata = new java.util.HashMap<>(store("metadata.example.com"));
        metadata.put("woocommerce_url", "http://169.254.169.254");
        metadata.put("development_store", true);
        Api.admin().body(metadata).post("/api/admin/config").then().statusCode(400).body("code", equalTo("invalid_store_url"));

        Map<String, Object> loopback = new java.util.HashMap<>(store("loopback.example.com"));
        loopback.put("woocommerce_url", "https://127.0.0.1:8443");
        Api.admin().body(loopback).post("/api/admin/config").then().statusCode(400).body("error", containsString("private"));
    }

    @Test
    void refusesBadInputWithClearJsonErrors() {
        Api.admin().body("{\"domain\": ").post("/api/admin/config").then().statusCode(400)
                .body("code", equalTo("invalid_json"));
        Api.admin().body(Map.of("woocommerce_enabled", true)).post("/api/admin/config").then().statusCode(400)
                .body("code", equalTo("invalid_request")).body("error", containsString("domain"));
        Api.admin().body(Map.of("domain", "bad domain!")).post("/api/admin/config").then().statusCode(400);
        Api.admin().body(Map.of("domain", "nokeys.example.com", "woocommerce_enabled", true,
                "woocommerce_url", "https://nokeys.example.com")).post("/api/admin/config").then().statusCode(400)
                .body("error", containsString("required"));
        Map<String, Object> badKey = new java.util.HashMap<>(store("badkey.example.com"));
        badKey.put("woocommerce_consumer_key", "not-a-key-at-all");
        Api.admin().body(badKey).post("/api/admin/config").then().statusCode(400).body("error", containsString("ck_"));
    }

    @Test
    void deletesAStore() {
        String domain = "delete.example.com";
        Api.admin().body(store(domain)).post("/api/admin/config").then().statusCode(201);
        Api.admin().delete("/api/admin/config/" + domain).then().statusCode(204);
        Api.admin().get("/api/admin/config/" + domain).then().statusCode(404).body("code", equalTo("tenant_not_found"));
        Api.admin().delete("/api/admin/config/" + domain).then().statusCode(404);
    }
}
