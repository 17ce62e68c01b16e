package io.csc.gateway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged gateway refuses to start, with a message an operator can act on, when ENCRYPTION_KEY is wrong. */
class GatewayStartupIT {

    @Test
    void refusesToStartWithoutAnEncryptionKey() throws Exception {
        Result result = start(null);
        assertNotEquals(0, result.exit);
        assertTrue(result.output.contains("ENCRYPTION_KEY is not set"), result.output);
    }

    @Test
    void refusesToStartWithAKeyThatIsNot32Characters() throws Exception {
        Result result = start("too-short");
        assertNotEquals(0, result.exit);
        assertTrue(result.output.contains("ENCRYPTION_KEY must be exactly 32"), result.output);
        assertTrue(!result.output.contains("too-short"), "the key itself must never be printed");
    }

    private record Result(int exit, String output) {
    }

    private static Result start(String key) throws IOException, InterruptedException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
        Path log = Files.createTempFile("gateway-startup", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("ENCRYPTION_KEY");
        if (key != null) {
            builder.environment().put("ENCRYPTION_KEY", key);
        }
        builder.environment().put("INTERNAL_TOKEN", "startup-test-internal-token");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().put("QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/csc_test");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/csc_test");
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the gateway started although its key is invalid");
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
