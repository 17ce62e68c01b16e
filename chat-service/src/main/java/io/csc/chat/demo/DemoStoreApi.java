package io.csc.chat.demo;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.csc.chat.client.GatewayClient;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * The demo store's Store API under {@code /demo/wp-json/wc/store/v1/}, so the widget on {@code /demo} adds to the
 * demo store's cart as it does on a real store, where the Store API is on the page's own origin. What WooCommerce's
 * cart needs passes both ways and nothing else: the request's {@code Nonce}, {@code Cart-Token}, content type and
 * the store's own session cookies ({@code wp_woocommerce_session_*}, {@code woocommerce_*}); the answer's status,
 * body, {@code Nonce}, {@code Cart-Token}, {@code Cart-Hash}, {@code User-ID} and its cookies, kept under
 * {@code /demo/}. The target is the demo tenant's store URL (the gateway's tenant settings) and nothing else.
 */
@ApplicationScoped
public class DemoStoreApi {
    static final String PREFIX = "/wp-json/wc/store/v1/";
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+){0,5}");
    private static final Pattern QUERY = Pattern.compile("[A-Za-z0-9_.=&%-]{0,500}");
    private static final List<String> REQUEST_HEADERS = List.of("Nonce", "Cart-Token", "Content-Type", "Accept");
    private static final List<String> ANSWER_HEADERS = List.of("Content-Type", "Nonce", "Cart-Token", "Cart-Hash",
            "User-ID", "Cache-Control", "Allow");
    private static final int TIMEOUT_MS = 10_000;

    private final DemoService demo;
    private final GatewayClient gateway;
    private final WebClient client;

    public DemoStoreApi(DemoService demo, GatewayClient gateway, Vertx vertx) {
        this.demo = demo;
        this.gateway = gateway;
        this.client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false)
                .setMaxHeaderSize(16 * 1024).setTryUseCompression(false));
    }

    /** A request read off the page: method, the path below the Store API root, query, the headers and body to pass. */
    public record Call(HttpMethod method, String path, String query, java.util.function.Function<String, String> header,
            byte[] body) {
    }

    public Uni<Response> forward(Call call) {
        String domain = demo.domain(); // 404 when the demo is off
        if (call.path() == null || !PATH.matcher(call.path()).matches()
                || (call.query() != null && !QUERY.matcher(call.query()).matches())) {
            throw ApiException.notFound("not_found", "Not found");
        }
        return gateway.tenant(domain).flatMap(tenant -> {
            URI store = URI.create(tenant.storeUrl().replaceAll("/+$", "") + PREFIX + call.path()
                    + (call.query() == null || call.query().isEmpty() ? "" : "?" + call.query()));
            HttpRequest<Buffer> request = client.requestAbs(call.method(), store.toString()).timeout(TIMEOUT_MS);
            for (String name : REQUEST_HEADERS) {
                String value = call.header().apply(name);
                if (value != null && !value.isBlank()) {
                    request.putHeader(name, value);
                }
            }
            String cookies = storeCookies(call.header().apply("Cookie"));
            if (!cookies.isEmpty()) {
                request.putHeader("Cookie", cookies);
            }
            Uni<HttpResponse<Buffer>> sent = call.body() == null
                    ? request.send()
                    : request.sendBuffer(Buffer.buffer(call.body()));
            return sent.onFailure().transform(e -> {
                Log.warnf("demo Store API call failed: %s", e.getClass().getSimpleName());
                return ApiException.unavailable("store_unavailable", "The demo store could not be reached");
            }).map(DemoStoreApi::answer);
        });
    }

    private static Response answer(HttpResponse<Buffer> r) {
        Response.ResponseBuilder out = Response.status(r.statusCode());
        byte[] body = r.body() == null ? new byte[0] : r.body().getBytes();
        out.entity(body);
        for (String name : ANSWER_HEADERS) {
            String value = r.getHeader(name);
            if (value != null) {
                out.header(name, value);
            }
        }
        for (String cookie : r.cookies()) {
            String kept = demoCookie(cookie);
            if (kept != null) {
                out.header("Set-Cookie", kept);
            }
        }
        return out.header("X-Content-Type-Options", "nosniff").build();
    }

    /** Only WooCommerce's own cookies of the page's request go to the store (not the chat's or anything else). */
    static String storeCookies(String header) {
        if (header == null || header.isBlank()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : header.split(";")) {
            String p = pair.strip();
            if (isStoreCookie(p)) {
                kept.add(p);
            }
        }
        return String.join("; ", kept);
    }

    /** A store cookie, kept for {@code /demo/} on this origin (its {@code Domain} dropped); another cookie: null. */
    static String demoCookie(String setCookie) {
        if (setCookie == null || !isStoreCookie(setCookie.strip())) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String part : setCookie.split(";")) {
            String p = part.strip();
            String key = p.toLowerCase(Locale.ROOT);
            if (!key.startsWith("path=") && !key.startsWith("domain=") && !p.isEmpty()) {
                parts.add(p);
            }
        }
        parts.add("Path=/demo/");
        return String.join("; ", parts);
    }

    private static boolean isStoreCookie(String pair) {
        return pair.startsWith("wp_woocommerce_session_") || pair.startsWith("woocommerce_");
    }
}
