package io.csc.demostore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A small WooCommerce REST client for the tests: signs with OAuth 1.0a (its own implementation, independent of the
 * store's verifier) or sends requests exactly as given.
 */
final class WooClient {

    record Response(int status, java.net.http.HttpHeaders headers, String raw) {

        JsonNode json() {
            try {
                return Fixtures.MAPPER.readTree(raw);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + raw, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String siteUrl;
    private String key = DemoStore.CONSUMER_KEY;
    private String secret = DemoStore.CONSUMER_SECRET;
    private String signatureMethod = "HMAC-SHA1";
    private long timestamp;

    WooClient(String baseUrl, String siteUrl) {
        this.baseUrl = baseUrl;
        this.siteUrl = siteUrl;
    }

    WooClient as(String key, String secret) {
        WooClient c = new WooClient(baseUrl, siteUrl);
        c.key = key;
        c.secret = secret;
        c.signatureMethod = signatureMethod;
        c.timestamp = timestamp;
        return c;
    }

    WooClient sha256() {
        WooClient c = as(key, secret);
        c.signatureMethod = "HMAC-SHA256";
        return c;
    }

    /** Pins oauth_timestamp (0 means now). */
    WooClient at(long epochSeconds) {
        WooClient c = as(key, secret);
        c.timestamp = epochSeconds;
        return c;
    }

    Response get(String path, String... params) {
        return send("GET", path, pairs(params), null);
    }

    Response post(String path, Object body) {
        return send("POST", path, List.of(), body);
    }

    Response put(String path, Object body) {
        return send("PUT", path, List.of(), body);
    }

    Response delete(String path, String... params) {
        return send("DELETE", path, pairs(params), null);
    }

    /** Signs with the oauth_* parameters in the query string; path is the REST route, e.g. /wc/v3/products. */
    Response send(String method, String path, List<Map.Entry<String, String>> params, Object body) {
        return sendTo(method, "/wp-json" + path, params, body, nonce());
    }

    /** Signs for the full request path (e.g. /wp-json/wc/v3/ with a rest_route parameter) with the given nonce. */
    Response sendTo(String method, String fullPath, List<Map.Entry<String, String>> params, Object body, String nonce) {
        String query = signedQuery(method, fullPath, params, nonce);
        return raw(method, fullPath + "?" + query, body == null ? null : toJson(body), Map.of());
    }

    String signedQuery(String method, String fullPath, List<Map.Entry<String, String>> params, String nonce) {
        List<Map.Entry<String, String>> all = new ArrayList<>(params);
        all.addAll(oauthParams(nonce));
        String signature = signature(method, siteUrl + fullPath, all);
        all.add(Map.entry("oauth_signature", signature));
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : all) {
            q.append(q.length() == 0 ? "" : "&").append(enc(p.getKey())).append('=').append(enc(p.getValue()));
        }
        return q.toString();
    }

    /** Signs with an Authorization: OAuth header. */
    Response getWithHeader(String path, String... params) {
        List<Map.Entry<String, String>> query = pairs(params);
        List<Map.Entry<String, String>> oauth = oauthParams(nonce());
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(oauth);
        String signature = signature("GET", siteUrl + "/wp-json" + path, all);
        StringBuilder header = new StringBuilder("OAuth ");
        for (Map.Entry<String, String> p : oauth) {
            header.append(p.getKey()).append("=\"").append(enc(p.getValue())).append("\", ");
        }
        header.append("oauth_signature=\"").append(enc(signature)).append('"');
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : query) {
            q.append(q.length() == 0 ? "?" : "&").append(enc(p.getKey())).append('=').append(enc(p.getValue()));
        }
        return raw("GET", path + q, null, Map.of("Authorization", header.toString()));
    }

    /** Sends a request target under /wp-json as it is. */
    Response raw(String method, String target, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + (target.startsWith("/wp-json") ? "" : "/wp-json")
                + target)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        headers.forEach(b::header);
        if (jsonBody != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<Map.Entry<String, String>> oauthParams(String nonce) {
        long ts = timestamp != 0 ? timestamp : System.currentTimeMillis() / 1000;
        return List.of(Map.entry("oauth_consumer_key", key), Map.entry("oauth_timestamp", String.valueOf(ts)),
                Map.entry("oauth_nonce", nonce), Map.entry("oauth_signature_method", signatureMethod));
    }

    private String signature(String method, String url, List<Map.Entry<String, String>> params) {
        List<String> pairs = new ArrayList<>();
        params.stream().sorted(Map.Entry.comparingByKey())
                .forEach(p -> pairs.add(enc(enc(p.getKey()) + "=" + enc(p.getValue()))));
        String base = method + "&" + enc(url) + "&" + String.join("%26", pairs);
        String algorithm = signatureMethod.equals("HMAC-SHA256") ? "HmacSHA256" : "HmacSHA1";
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String nonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String enc(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append(String.format("%%%02X", c));
            }
        }
        return out.toString();
    }

    static String toJson(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return Fixtures.MAPPER.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map.Entry<String, String>> pairs(String... params) {
        List<Map.Entry<String, String>> list = new ArrayList<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            list.add(Map.entry(params[i], params[i + 1]));
        }
        return list;
    }
}
