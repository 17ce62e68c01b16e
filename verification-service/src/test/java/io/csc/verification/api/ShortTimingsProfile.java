package io.csc.verification.api;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Fault-tolerance numbers shortened through configuration, as production would change them: no code change. */
public class ShortTimingsProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.fault-tolerance.global.circuit-breaker.request-volume-threshold", "4",
                "quarkus.fault-tolerance.global.circuit-breaker.delay", "600",
                "quarkus.fault-tolerance.global.retry.max-retries", "0",
                "quarkus.fault-tolerance.global.timeout.value", "500");
    }
}
