package io.csc.demostore;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to run a {@link DemoStore}. Fluent setters; the getters have the same names without arguments.
 */
public final class DemoStoreOptions {

    public static final int DEFAULT_PORT = 8090;

    private int port = DEFAULT_PORT;
    private String host = "127.0.0.1";
    private List<ApiKey> credentials = ApiKey.recordedKeys();
    private Duration latency = Duration.ZERO;
    private boolean allowBasicOverHttp;
    private String siteUrl;
    private String chatUrl;
    private Clock clock = Clock.systemUTC();
    private ZoneId timezone = DEFAULT_TIMEZONE;

    /** The recorded store's time zone since 2026-11-25: local dates differ from UTC, as in most real shops. */
    public static final ZoneId DEFAULT_TIMEZONE = ZoneId.of("America/New_York");

    public static DemoStoreOptions defaults() {
        return new DemoStoreOptions();
    }

    /** Port to listen on; 0 picks a free one. */
    public DemoStoreOptions port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        return this;
    }

    public int port() {
        return port;
    }

    public DemoStoreOptions host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    public String host() {
        return host;
    }

    public DemoStoreOptions credentials(List<ApiKey> credentials) {
        this.credentials = List.copyOf(credentials);
        return this;
    }

    public List<ApiKey> credentials() {
        return credentials;
    }

    /** Artificial delay added to every request, so benchmarks can mimic a real store (about 100 ms per call). */
    public DemoStoreOptions latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("negative latency");
        }
        this.latency = latency;
        return this;
    }

    public Duration latency() {
        return latency;
    }

    /**
     * Accept Basic auth and consumer_key/consumer_secret query parameters over plain HTTP, as WooCommerce does only over
     * HTTPS. Off by default, like the real store.
     */
    public DemoStoreOptions allowBasicOverHttp(boolean allow) {
        this.allowBasicOverHttp = allow;
        return this;
    }

    public boolean allowBasicOverHttp() {
        return allowBasicOverHttp;
    }

    /**
     * The store's own URL (WordPress "home" URL): used in every href and permalink and as the URL OAuth signatures are
     * checked against. Defaults to {@link DemoStore#baseUrl()}; set it when clients reach the store under another name
     * (a container or Kubernetes service), or to the recorded {@code http://127.0.0.1:8088} to replay the fixtures.
     */
    public DemoStoreOptions siteUrl(String siteUrl) {
        this.siteUrl = siteUrl == null ? null : stripTrailingSlash(siteUrl);
        return this;
    }

    public String siteUrl() {
        return siteUrl;
    }

    /**
     * Where the chat widget comes from ({@code <chatUrl>/embed.js}, chat-service's public URL): the storefront's pages
     * then embed it with a config carrying the Store API root and nonce, as the WordPress plugin does. Null: no chat.
     */
    public DemoStoreOptions chatUrl(String chatUrl) {
        this.chatUrl = chatUrl == null || chatUrl.isBlank() ? null : stripTrailingSlash(chatUrl.trim());
        return this;
    }

    public String chatUrl() {
        return chatUrl;
    }

    /** Clock for dates and the OAuth timestamp window; tests pin it to replay recorded requests. */
    public DemoStoreOptions clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * The site's time zone (WordPress {@code timezone_string}): {@code date_x} fields are local time in it,
     * {@code date_x_gmt} UTC, and a coupon's {@code date_expires} is read in it. Default America/New_York.
     */
    public DemoStoreOptions timezone(ZoneId timezone) {
        this.timezone = Objects.requireNonNull(timezone, "timezone");
        return this;
    }

    public ZoneId timezone() {
        return timezone;
    }

    /**
     * Reads {@code --port}, {@code --host}, {@code --latency-ms}, {@code --site-url}, {@code --timezone}, {@code --chat-url} (and
     * {@code --allow-basic-over-http}) from the command line, falling back to {@code DEMO_STORE_PORT},
     * {@code DEMO_STORE_HOST}, {@code DEMO_STORE_LATENCY_MS}, {@code DEMO_STORE_SITE_URL}, {@code DEMO_STORE_TIMEZONE} and {@code DEMO_STORE_CHAT_URL}.
     */
    public static DemoStoreOptions fromArgs(String[] args, Map<String, String> env) {
        DemoStoreOptions options = defaults();
        String port = env.get("DEMO_STORE_PORT");
        String host = env.get("DEMO_STORE_HOST");
        String latency = env.get("DEMO_STORE_LATENCY_MS");
        String siteUrl = env.get("DEMO_STORE_SITE_URL");
        String timezone = env.get("DEMO_STORE_TIMEZONE");
        String chatUrl = env.get("DEMO_STORE_CHAT_URL");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            if (arg.equals("--allow-basic-over-http")) {
                options.allowBasicOverHttp(true);
                continue;
            }
            if (!List.of("--port", "--host", "--latency-ms", "--site-url", "--timezone", "--chat-url").contains(arg)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + arg);
                }
                value = args[++i];
            }
            switch (arg) {
                case "--port" -> port = value;
                case "--host" -> host = value;
                case "--latency-ms" -> latency = value;
                case "--timezone" -> timezone = value;
                case "--chat-url" -> chatUrl = value;
                default -> siteUrl = value;
            }
        }
        if (port != null && !port.isBlank()) {
            options.port(parse(port, "port"));
        }
        if (host != null && !host.isBlank()) {
            options.host(host.trim());
        }
        if (latency != null && !latency.isBlank()) {
            options.latency(Duration.ofMillis(parse(latency, "latency-ms")));
        }
        if (siteUrl != null && !siteUrl.isBlank()) {
            options.siteUrl(siteUrl.trim());
        }
        options.chatUrl(chatUrl);
        if (timezone != null && !timezone.isBlank()) {
            try {
                options.timezone(ZoneId.of(timezone.trim()));
            } catch (java.time.DateTimeException e) {
                throw new IllegalArgumentException("timezone must be a time zone id like Europe/Berlin or UTC: " + timezone);
            }
        }
        return options;
    }

    private static int parse(String value, String name) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number: " + value);
        }
    }

    private static String stripTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
