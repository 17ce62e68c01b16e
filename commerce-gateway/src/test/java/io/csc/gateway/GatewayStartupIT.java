package io.csc.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.test.PackagedApp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged gateway refuses to start, with a message an operator can act on, when ENCRYPTION_KEY is wrong. */
class GatewayStartupIT {

    @Test
    void refusesToStartWithoutAnEncryptionKey() throws Exception {
        try (PackagedApp app = start(null)) {
            assertNotEquals(0, app.awaitExit(Duration.ofSeconds(60)));
            assertTrue(app.log().contains("ENCRYPTION_KEY is not set"), app.log());
        }
    }

    @Test
    void refusesToStartWithAKeyThatIsNot32Characters() throws Exception {
        try (PackagedApp app = start("too-short")) {
            assertNotEquals(0, app.awaitExit(Duration.ofSeconds(60)));
            assertTrue(app.log().contains("ENCRYPTION_KEY must be exactly 32"), app.log());
            assertFalse(app.log().contains("too-short"), "the key itself must never be printed");
        }
    }

    /** The packaged jar as a deployment runs it, with {@code key} as ENCRYPTION_KEY (none when null). */
    private static PackagedApp start(String key) {
        Map<String, String> env = new HashMap<>();
        if (key != null) {
            env.put("ENCRYPTION_KEY", key);
        }
        env.put("INTERNAL_TOKEN", "startup-test-internal-token");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/csc_test");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/csc_test");
        return PackagedApp.start(env, List.of("ENCRYPTION_KEY"));
    }
}
