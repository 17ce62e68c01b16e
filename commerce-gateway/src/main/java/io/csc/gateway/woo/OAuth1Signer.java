package io.csc.gateway.woo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-legged OAuth 1.0a as WooCommerce checks it over plain HTTP: base string
 * {@code METHOD&enc(scheme://host[:port]/path)&enc(sorted k=v of query + oauth_*)}, key {@code consumer_secret&},
 * JSON bodies unsigned. Reproduces the signatures recorded against WooCommerce 10 (see the signer tests).
 */
public final class OAuth1Signer {
    public static final String HMAC_SHA256 = "HMAC-SHA256";
    public static final String HMAC_SHA1 = "HMAC-SHA1";

    private OAuth1Signer() {
    }

    /**
     * Answers the oauth_* parameters to add to the query, {@code oauth_signature} last.
     *
     * @param baseUrl scheme, host, port and path only (no query)
     * @param query the request's own query parameters, unencoded
     */
    public static Map<String, String> sign(String method, String baseUrl, List<Map.Entry<String, String>> query,
            String consumerKey, String consumerSecret, String signatureMethod, long timestamp, String nonce) {
        Map<String, String> oauth = new LinkedHashMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_timestamp", Long.toString(timestamp));
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", signatureMethod);
        List<Map.Entry<String, String>> all = new ArrayList<>(query);
        all.addAll(oauth.entrySet());
        oauth.put("oauth_signature", signature(method, baseUrl, all, consumerSecret, signatureMethod));
        return oauth;
    }

    public static String signature(String method, String baseUrl, List<Map.Entry<String, String>> params,
            String consumerSecret, String signatureMethod) {
        String base = baseString(method, baseUrl, params);
        String algorithm = switch (signatureMethod) {
            case HMAC_SHA256 -> "HmacSHA256";
            case HMAC_SHA1 -> "HmacSHA1";
            default -> throw new IllegalArgumentException("Unsupported signature method " + signatureMethod);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((encode(consumerSecret) + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    static String baseString(String method, String baseUrl, List<Map.Entry<String, String>> params) {
        List<String[]> encoded = new ArrayList<>();
        for (Map.Entry<String, String> p : params) {
            if (!p.getKey().equals("oauth_signature")) {
                encoded.add(new String[]{encode(p.getKey()), encode(p.getValue() == null ? "" : p.getValue())});
            }
        }
        encoded.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : encoded) {
            if (normalized.length() > 0) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        return method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl) + "&" + encode(normalized.toString());
    }

    /** RFC 3986 percent-encoding: unreserved characters stay, everything else is %XX of its UTF-8 bytes. */
    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
