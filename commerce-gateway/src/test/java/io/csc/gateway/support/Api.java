package io.csc.gateway.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as our callers make them: operators with the admin token, services with the internal token. */
public final class Api {
    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType(ContentType.JSON);
    }

    public static RequestSpecification internal() {
        return given().header("X-Internal-Token", INTERNAL_TOKEN).contentType(ContentType.JSON);
    }

    /** A client with its own address, so each test has its own rate-limit window. */
    public static RequestSpecification client(String ip) {
        return given().header("X-Forwarded-For", ip).contentType(ContentType.JSON);
    }

    /** A client address no earlier run has used this hour (rate-limit windows live in Redis across runs). */
    public static String randomIp() {
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    /** Registers (or updates) a development store pointing at {@code url}; answers the admin API's response body. */
    public static Map<String, Object> registerStore(String domain, String url, String key, String secret) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("domain", domain);
        body.put("store_name", "Test Store " + domain);
        body.put("woocommerce_url", url);
        body.put("woocommerce_consumer_key", key);
        body.put("woocommerce_consumer_secret", secret);
        body.put("woocommerce_enabled", true);
        body.put("development_store", true);
        body.put("allowed_origins", List.of("https://" + domain));
        body.put("support_email", "help@" + domain);
        return admin().body(body).post("/api/admin/config").then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201))).extract().jsonPath().getMap("$");
    }
}
