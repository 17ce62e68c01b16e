package io.csc.chat.eval;

import java.io.File;
import java.io.IOException;
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
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.csc.demostore.DemoStore;
import io.csc.demostore.DemoStoreOptions;

/**
 * The real system around chat-service for the evaluation: the demo WooCommerce store (in-process, reset per task),
 * the packaged commerce-gateway and verification-service (launched as processes, as in production), and a real SMTP
 * server (GreenMail) from which the one-time codes are read. Started once per JVM; stopped at exit.
 */
final class EvalStack {

    static final String INTERNAL_TOKEN = "test-internal-token-0123456789";
    static final String ADMIN_TOKEN = "eval-admin-token-0123456789";
    /** The plugin's secret the store is registered with: signed-in shoppers' identities are signed with it. */
    static final String PLUGIN_SECRET = "eval-plugin-secret-0123456789abcdef0123";
    static final String DOMAIN = "eval-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    static final String SUPPORT_EMAIL = "support@" + DOMAIN;
    /**
     * Its own database: other modules' tests share csc_test on this machine, with migrations of their own.
     * {@code -Deval.database=} gives a run another one (branches with other migrations on one machine).
     */
    static final String DATABASE = System.getProperty("eval.database", "csc_eval");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern CODE = Pattern.compile("(?<!\\d)(\\d{6})(?!\\d)");

    private static EvalStack instance;

    final GreenMail mail;
    final DemoStore store;
    final String gatewayUrl;
    final String verificationUrl;
    private final List<Process> processes = new ArrayList<>();

    static synchronized EvalStack get() {
        if (instance == null) {
            try {
                instance = new EvalStack();
            } catch (Exception e) {
                throw new IllegalStateException("the evaluation stack did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private EvalStack() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path gatewayJar = root.resolve("commerce-gateway/target/quarkus-app/quarkus-run.jar");
        Path verificationJar = root.resolve("verification-service/target/quarkus-app/quarkus-run.jar");
        for (Path jar : List.of(gatewayJar, verificationJar)) {
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: package commerce-gateway and verification-service first "
                        + "(the reactor build does, in module order)");
            }
        }
        createDatabase();
        mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        store = DemoStore.start(DemoStoreOptions.defaults().port(0).allowBasicOverHttp(true));
        Files.createDirectories(Path.of("target/eval-logs"));

        int gatewayPort = freePort();
        gatewayUrl = "http://127.0.0.1:" + gatewayPort;
        Map<String, String> env = new HashMap<>(common());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(gatewayPort));
        env.put("ENCRYPTION_KEY", "eval-encryption-key-0123456789ab");
        env.put("ADMIN_TOKEN", ADMIN_TOKEN);
        launch("commerce-gateway", gatewayJar, env);

        int verificationPort = freePort();
        verificationUrl = "http://127.0.0.1:" + verificationPort;
        env = new HashMap<>(common());
        env.put("QUARKUS_HTTP_PORT", Integer.toString(verificationPort));
        env.put("COMMERCE_GATEWAY_URL", gatewayUrl);
        env.put("OTP_HMAC_KEY", "eval-otp-hmac-key-0123456789abcdef0123456789");
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        // many tasks, one machine, one client IP, the same few shoppers: the abuse caps would end the run, not a task
        env.put("VERIFICATION_OTP_RESEND_COOLDOWN", "0s");
        env.put("VERIFICATION_OTP_MAX_SENDS_PER_EMAIL", "100000");
        env.put("VERIFICATION_OTP_MAX_SENDS_PER_CONVERSATION", "1000");
        env.put("VERIFICATION_OTP_MAX_SENDS_PER_IP", "100000");
        env.put("VERIFICATION_SIMPLE_MAX_ATTEMPTS_PER_CONVERSATION", "1000");
        env.put("VERIFICATION_SIMPLE_MAX_ATTEMPTS_PER_EMAIL", "100000");
        env.put("VERIFICATION_SIMPLE_MAX_ATTEMPTS_PER_IP", "100000");
        launch("verification-service", verificationJar, env);

        awaitReady(gatewayUrl, processes.get(0));
        awaitReady(verificationUrl, processes.get(1));
        registerTenant();
    }

    private static Map<String, String> common() {
        return Map.of("INTERNAL_TOKEN", INTERNAL_TOKEN,
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://127.0.0.1:5432/" + DATABASE,
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/" + DATABASE);
    }

    private static void createDatabase() throws Exception {
        try (var db = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
                var st = db.createStatement();
                var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + DATABASE);
            }
        }
    }

    private void launch(String name, Path jar, Map<String, String> env) throws IOException {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            command.add("/usr/bin/setsid");
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(new File("target/eval-logs/" + name + ".log"));
        processes.add(pb.start());
    }

    private static void awaitReady(String base, Process p) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException(base + " exited with " + p.exitValue() + " (see target/eval-logs)");
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(base + " not ready after 90 s");
    }

    private void registerTenant() throws Exception {
        String body = JSON.writeValueAsString(Map.of("domain", DOMAIN, "store_name", "Eval Store", "woocommerce_url",
                store.baseUrl(), "woocommerce_consumer_key", DemoStore.CONSUMER_KEY, "woocommerce_consumer_secret",
                DemoStore.CONSUMER_SECRET, "woocommerce_enabled", true, "development_store", true, "support_email",
                SUPPORT_EMAIL, "plugin_secret", PLUGIN_SECRET, "allowed_origins", List.of("http://localhost")));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/admin/config"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("tenant registration answered " + r.statusCode() + ": " + r.body());
        }
    }

    /** Mail already read or sent before the current task (GreenMail groups messages by mailbox, not by time). */
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    /** Marks every message received so far as old: a task reads only codes mailed during it. */
    void forgetMail() throws Exception {
        for (MimeMessage m : mail.getReceivedMessages()) {
            seen.add(m.getMessageID());
        }
    }

    /** The 6-digit code of the newest unread message to {@code email}. */
    String codeFor(String email) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            MimeMessage[] all = mail.getReceivedMessages();
            for (int i = all.length - 1; i >= 0; i--) {
                if (!seen.contains(all[i].getMessageID()) && sentTo(all[i], email)) {
                    Matcher m = CODE.matcher(GreenMailUtil.getBody(all[i]));
                    if (m.find()) {
                        seen.add(all[i].getMessageID());
                        return m.group(1);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no code mailed to the shopper within 30 s");
    }

    private static boolean sentTo(MimeMessage m, String email) throws Exception {
        var to = m.getRecipients(Message.RecipientType.TO);
        if (to == null) {
            return false;
        }
        for (var a : to) {
            if (a.toString().toLowerCase().contains(email.toLowerCase())) {
                return true;
            }
        }
        return false;
    }

    /** The demo store's own view of an order (REST API, Basic auth allowed for this in-process store). */
    JsonNode storeGet(String path) throws Exception {
        String auth = Base64.getEncoder().encodeToString(
                (DemoStore.CONSUMER_KEY + ":" + DemoStore.CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(store.baseUrl() + "/wp-json/wc/v3" + path))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("demo store " + path + " answered " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    private void stop() {
        for (Process p : processes) {
            p.destroy();
        }
        store.close();
        mail.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
