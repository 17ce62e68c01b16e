package io.csc.verification.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Requests as chat-service makes them, and fresh ids so no test meets another's Redis counters. */
public final class Api {
    private Api() {
    }

    public static RequestSpecification internal() {
        return given().header("X-Internal-Token", io.csc.test.GatewayStubs.TOKEN).contentType(ContentType.JSON);
    }

    /** A store domain nobody used before (the stub answers every domain as the demo store). */
    public static String freshDomain() {
        return "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    }

    public static String freshConversation() {
        return "conv-" + UUID.randomUUID();
    }

    public static String freshIp() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
