package io.csc.gateway.woo;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.tenant.HostResolver;
import io.csc.gateway.tenant.StoreUrlPolicy;
import io.csc.web.ApiException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.net.SocketAddress;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The HTTP transport beneath {@link WooCommerceApi} (which names the endpoints): builds the URL under
 * {@code /wp-json/wc/v3}, authenticates (Basic over HTTPS, OAuth 1.0a HMAC-SHA256 over HTTP), applies the timeout,
 * retries idempotent reads, and keeps one circuit breaker per store so that one slow store never trips the others.
 * Every failure leaves as a {@link WooException}.
 */
@ApplicationScoped
public class WooTransport {
    private static final String NAMESPACE = "/wp-json/wc/v3";
    private static final TypeLiteral<Uni<WooResponse>> UNI_RESPONSE = new TypeLiteral<>() {
    };

    /** Dotted IPv4 or IPv6 literals need no lookup (and no worker thread). */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.%]*");

    private final WebClient web;
    private final Vertx vertx;
    private final HostResolver resolver;
    private final GatewayConfig config;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Guard> breakers = new ConcurrentHashMap<>();
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final java.util.Set<String> openBreakers = ConcurrentHashMap.newKeySet();

    public WooTransport(Vertx vertx, HostResolver resolver, GatewayConfig config, MeterRegistry metrics, ObjectMapper json,
            Clock clock) {
        this.vertx = vertx;
        this.resolver = resolver;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        Gauge.builder("woocommerce.breakers.open", openBreakers, java.util.Set::size)
                .description("Stores whose circuit breaker is open now").register(metrics);
        this.web = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.woo().connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(32)
                .setFollowRedirects(false)
                .setUserAgent("csc-commerce-gateway/1.0"));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    /** Sends one request; reads are retried on store failures, writes never. */
    public Uni<WooResponse> send(ActiveTenant tenant, WooRequest request) {
        Uni<WooResponse> guarded = Uni.createFrom()
                .deferred(() -> breaker(tenant.domain()).get(() -> exchange(tenant, request), UNI_RESPONSE))
                .onFailure(CircuitBreakerOpenException.class).transform(e -> WooException.circuitOpen());
        if (request.idempotentRead() && config.woo().readRetries() > 0) {
            long delay = config.woo().retryDelay().toMillis();
            guarded = guarded.onFailure(e -> e instanceof WooException w && w.storeFailure()).retry()
                    .withBackOff(Duration.ofMillis(delay), Duration.ofMillis(delay * 4))
                    .atMost(config.woo().readRetries());
        }
        return guarded;
    }

    /** Follows a {@code Link} URL the store gave us: drops its stale oauth_* parameters and signs it again. */
    public Uni<WooResponse> follow(ActiveTenant tenant, String link, String operation) {
        URI uri = URI.create(link);
        URI base = tenant.storeUrl();
        if (!base.getHost().equalsIgnoreCase(uri.getHost()) || !base.getScheme().equalsIgnoreCase(uri.getScheme())
                || (base.getPort() != uri.getPort())) {
            return Uni.createFrom().failure(WooException.storeError(0));
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String sitePath = uri.getRawPath().startsWith(basePath)
                ? uri.getRawPath().substring(basePath.length())
                : uri.getRawPath();
        WooRequest.Builder next = WooRequest.get(operation, URLDecoder.decode(sitePath, StandardCharsets.UTF_8));
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if (!name.startsWith("oauth_")) {
                    next.param(name, value);
                }
            }
        }
        return send(tenant, next.build());
    }

    /** Every item of a list, following {@code Link: rel="next"} for at most {@code maxPages} pages. */
    public Uni<List<JsonNode>> fetchAll(ActiveTenant tenant, WooRequest first, int maxPages) {
        List<JsonNode> items = new ArrayList<>();
        return collect(tenant, send(tenant, first), first.operation(), items, maxPages);
    }

    private Uni<List<JsonNode>> collect(ActiveTenant tenant, Uni<WooResponse> page, String operation, List<JsonNode> items,
            int pagesLeft) {
        return page.chain(response -> {
            items.addAll(response.items());
            if (pagesLeft <= 1 || response.next().isEmpty() || response.items().isEmpty()) {
                return Uni.createFrom().item(items);
            }
            return collect(tenant, follow(tenant, response.next().get(), operation), operation, items, pagesLeft - 1);
        });
    }

    /** Closes the breaker of every store (tests, or an operator after fixing a store). */
    public void resetBreakers() {
        breakers.keySet().forEach(domain -> CircuitBreakerMaintenance.get().reset(breakerName(domain)));
    }

    /**
     * One breaker per store, so one slow store never trips the others. The fault-tolerance metrics are off
     * ({@code quarkus.fault-tolerance.metrics.enabled=false}): they carry a label per breaker, i.e. one time series
     * per tenant, without bound as stores are added. Instead: state changes are logged with the store's domain, and
     * {@code woocommerce_breaker_transitions_total{state}} and {@code woocommerce_breakers_open} count them across
     * stores (bounded labels).
     */
    private Guard breaker(String domain) {
        return breakers.computeIfAbsent(domain, d -> {
            GatewayConfig.Woo.Breaker b = config.woo().breaker();
            return Guard.create()
                    .withDescription("WooCommerce store")
                    .withCircuitBreaker()
                    .name(breakerName(d))
                    .requestVolumeThreshold(b.requestVolume())
                    .failureRatio(b.failureRatio())
                    .delay(b.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(b.successThreshold())
                    .when(e -> e instanceof WooException w && w.storeFailure())
                    .onStateChange(state -> stateChanged(d, state))
                    .done()
                    .withThreadOffload(false)
                    .build();
        });
    }

    private void stateChanged(String domain, CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            openBreakers.add(domain);
            Log.warnf("Circuit breaker for store %s opened: calls refused for %s", domain, config.woo().breaker().delay());
        } else {
            openBreakers.remove(domain);
            Log.infof("Circuit breaker for store %s is %s", domain, state.name().toLowerCase(java.util.Locale.ROOT));
        }
        metrics.counter("woocommerce.breaker.transitions", "state", state.name().toLowerCase(java.util.Locale.ROOT))
                .increment();
    }

    static String breakerName(String domain) {
        return "woo:" + domain;
    }

    private Uni<WooResponse> exchange(ActiveTenant tenant, WooRequest request) {
        return connectAddress(tenant).chain(address -> exchange(tenant, request, address));
    }

    /**
     * Resolves the store's host for this call and checks every address against the store-address policy; the call
     * then connects to the checked address itself (the URL's host still gives the Host header, TLS SNI and certificate
     * check), so a DNS answer that changes after registration (rebinding) can never point the gateway into our network.
     */
    private Uni<SocketAddress> connectAddress(ActiveTenant tenant) {
        URI base = tenant.storeUrl();
        String host = StoreUrlPolicy.bareHost(base);
        int port = base.getPort() != -1 ? base.getPort() : base.getScheme().equals("https") ? 443 : 80;
        Uni<InetAddress[]> resolved = IP_LITERAL.matcher(host).matches()
                ? Uni.createFrom().item(() -> resolveQuietly(host))
                : vertx.executeBlocking(Uni.createFrom().item(() -> resolveQuietly(host)), false);
        return resolved.map(addresses -> {
            if (addresses == null || addresses.length == 0) {
                throw WooException.unavailable();
            }
            for (InetAddress address : addresses) {
                try {
                    StoreUrlPolicy.checkAddress(address, tenant.developmentStore());
                } catch (ApiException e) {
                    Log.warnf("Store %s: its host now resolves to a forbidden address; call refused", tenant.domain());
                    throw WooException.forbiddenAddress();
                }
            }
            return SocketAddress.inetSocketAddress(port, addresses[0].getHostAddress());
        })
                .ifNoItem().after(config.woo().requestTimeout()).failWith(WooException::unavailable)
                .onFailure(e -> !(e instanceof WooException)).transform(e -> WooException.unavailable());
    }

    private InetAddress[] resolveQuietly(String host) {
        try {
            return resolver.resolve(host);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private Uni<WooResponse> exchange(ActiveTenant tenant, WooRequest request, SocketAddress server) {
        String url = url(tenant, request);
        HttpRequest<Buffer> http = web.requestAbs(HttpMethod.valueOf(request.method()), server, url)
                .putHeader("Accept", "application/json")
                .timeout(config.woo().requestTimeout().toMillis());
        if (tenant.storeUrl().getScheme().equals("https") && !request.anonymous()) {
            String basic = tenant.consumerKey() + ":" + tenant.consumerSecret();
            http.putHeader("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        Uni<HttpResponse<Buffer>> sent;
        if (request.body() != null) {
            http.putHeader("Content-Type", "application/json");
            sent = http.sendBuffer(Buffer.buffer(request.body().toString()));
        } else {
            sent = http.send();
        }
        return sent
                .ifNoItem().after(config.woo().requestTimeout().plusMillis(100)).fail()
                .onFailure(e -> !(e instanceof WooException)).transform(e -> WooException.unavailable())
                .map(this::toResponse)
                .onTermination().invoke((r, e, cancelled) -> record(request.operation(), start, e));
    }

    private String url(ActiveTenant tenant, WooRequest request) {
        URI base = tenant.storeUrl();
        StringBuilder url = new StringBuilder(base.getScheme()).append("://").append(base.getHost());
        if (base.getPort() != -1) {
            url.append(':').append(base.getPort());
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = request.path().startsWith("/wp-json/") ? request.path() : NAMESPACE + prefixSlash(request.path());
        url.append(basePath).append(encodePath(path));
        List<Map.Entry<String, String>> query = new ArrayList<>(request.query());
        if (base.getScheme().equals("http") && !request.anonymous()) {
            query.addAll(OAuth1Signer.sign(request.method(), url.toString(), request.query(), tenant.consumerKey(),
                    tenant.consumerSecret(), OAuth1Signer.HMAC_SHA256, clock.millis() / 1000, nonce()).entrySet());
        }
        char separator = '?';
        for (Map.Entry<String, String> p : query) {
            url.append(separator).append(OAuth1Signer.encode(p.getKey())).append('=').append(OAuth1Signer.encode(p.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    private static String prefixSlash(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /** Encodes each path segment; a caller-supplied path can never climb out of the store's REST namespace. */
    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw WooException.rejected(400, "invalid_path", "Invalid path");
            }
            if (out.length() > 0 || path.startsWith("/")) {
                out.append('/');
            }
            out.append(OAuth1Signer.encode(segment));
        }
        return out.toString().replaceFirst("^//", "/");
    }

    private WooResponse toResponse(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw WooException.storeError(status);
            }
            return new WooResponse(status, body, intHeader(response, "X-WP-Total"), intHeader(response, "X-WP-TotalPages"),
                    response.getHeader("Link"));
        }
        String code = body != null ? body.path("code").asText(null) : null;
        String message = body != null ? body.path("message").asText(null) : null;
        if (status == 401 || status == 403) {
            throw WooException.auth(status);
        }
        if (status >= 500) {
            // WooCommerce answers some business refusals (e.g. an invalid refund amount) with 500 and its own code.
            if (code != null && code.startsWith("woocommerce_rest_")) {
                throw new WooException(WooException.Kind.REJECTED, 400, code, message, status);
            }
            throw WooException.storeError(status);
        }
        throw WooException.rejected(status, code, message);
    }

    private JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return NullNode.getInstance();
        }
        try {
            return json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Integer intHeader(HttpResponse<Buffer> response, String name) {
        String value = response.getHeader(name);
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void record(String operation, long start, Throwable failure) {
        String outcome = failure == null
                ? "success"
                : failure instanceof WooException w ? w.kind().name().toLowerCase() : "error";
        Timer.builder("woocommerce.request")
                .description("Latency of calls to WooCommerce stores")
                .tag("operation", operation)
                .tag("outcome", outcome)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(metrics)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    private String nonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
