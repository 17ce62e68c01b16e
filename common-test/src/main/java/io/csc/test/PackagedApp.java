package io.csc.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service ({@code target/quarkus-app/quarkus-run.jar}) as its own process, for the black-box {@code *IT}
 * tests: on a free port, with the environment a deployment would give it, its output in a log file that failures
 * show.
 */
public final class PackagedApp implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the jar with {@code env} added to this JVM's environment, minus {@code removed}. */
    public static PackagedApp start(Map<String, String> env, Collection<String> removed) {
        return start(freePort(), env, removed, List.of());
    }

    public static PackagedApp start(Map<String, String> env) {
        return start(env, List.of());
    }

    /**
     * Starts the jar on {@code port} (see {@link #freePort}) with extra JVM options. The process gets its own session
     * when {@code setsid} exists: a hang-up or interrupt sent to the build's process group must not stop it.
     */
    public static PackagedApp start(int port, Map<String, String> env, Collection<String> removed, List<String> jvmOptions) {
        try {
            Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
            if (!Files.exists(jar)) {
                throw new AssertionError("package the service first (mvn verify does): " + jar.toAbsolutePath());
            }
            Path log = Files.createTempFile("packaged-app-" + port + "-", ".log");
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            removed.forEach(environment::remove);
            environment.putAll(env);
            environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            return new PackagedApp(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** Waits until {@code /q/health/ready} answers 200; fails with the service's log otherwise. */
    public PackagedApp awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("exited with " + process.exitValue() + ": " + log());
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not ready after " + timeout + ": " + log());
    }

    /** Waits for the process to end by itself (a service that must refuse to start); answers its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + ": " + log());
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the service (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    /** Kills the service at once, as a crash would. */
    public void kill() {
        process.destroyForcibly();
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
