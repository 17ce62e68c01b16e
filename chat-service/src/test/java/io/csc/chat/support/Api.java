package io.csc.chat.support;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as a browser (or the plugin) sends them. Each test client gets its own address through X-Forwarded-For
 * (loopback is a trusted proxy), so hourly rate-limit counters in the shared Redis never leak between tests or runs.
 */
public final class Api {
    private Api() {
    }

    public static String randomIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static String randomDomain() {
        return "shop-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".test";
    }

    public static String session() {
        return "s-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    public static RequestSpecification client(String ip) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", ip);
    }

    public static Response chat(String ip, Map<String, Object> body) {
        return client(ip).body(body).post("/api/chat");
    }
}
