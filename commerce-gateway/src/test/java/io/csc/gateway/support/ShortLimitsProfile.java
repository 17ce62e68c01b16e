package io.csc.gateway.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Breakers that open after a few failures and a stock limit a test can reach. */
public class ShortLimitsProfile implements QuarkusTestProfile {
    public static final int STOCK_LIMIT = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "gateway.woo.breaker.request-volume", "4",
                "gateway.woo.breaker.failure-ratio", "0.5",
                "gateway.woo.breaker.delay", "60s",
                "gateway.woo.read-retries", "1",
                "gateway.rate-limit.stock", Integer.toString(STOCK_LIMIT),
                "gateway.woo.request-timeout", "1s");
    }
}
