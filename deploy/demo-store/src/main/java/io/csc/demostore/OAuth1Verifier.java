package io.csc.demostore;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a one-legged verification exactly as WooCommerce does it over plain HTTP
 * ({@code WC_REST_Authentication::perform_oauth_authentication}).
 * <p>
 * Base string: {@code METHOD&enc(site url + path)&enc(sorted k=v pairs)}, where the pairs are the query string, the form
 * fields and the {@code oauth_*} parameters (from the query or the {@code Authorization: OAuth} header) except
 * {@code oauth_signature}, each key and value RFC 3986 encoded. JSON bodies are not signed. Key: {@code secret&}.
 * PHP turns {@code include[]} into {@code include[0]} before WooCommerce signs, so a client that signed
 * {@code include[]} literally is rejected, as on the real store.
 * <p>
 * Deliberately shares no code with the gateway's signer: the store stands in for WooCommerce, so a bug copied into
 * both sides would pass every test and fail against a real store.
 */
public final class OAuth1Verifier {

    /** WooCommerce accepts timestamps this far from now, and remembers nonces this long. */
    public static final Duration WINDOW = Duration.ofMinutes(15);

    static final List<String> REQUIRED = List.of("oauth_consumer_key", "oauth_timestamp", "oauth_nonce",
            "oauth_signature", "oauth_signature_method");

    private static final Pattern HEADER_PARAM = Pattern.compile("(oauth_[a-z_-]*)=(:?\"([^\"]*)\"|([^,]*))");

    /** What came out of a verification. */
    public sealed interface Outcome permits NotAttempted, Verified, Rejected {
    }

    /** No oauth_* parameter at all: the request does not try OAuth. */
    public record NotAttempted() implements Outcome {
    }

    public record Verified(ApiKey key) implements Outcome {
    }

    /** A WooCommerce authentication error (HTTP 401). */
    public record Rejected(String code, String message) implements Outcome {
    }

    private final Map<String, ApiKey> keys = new HashMap<>();
    private final Clock clock;
    private final boolean replayChecks;
    private final Map<String, Map<String, Long>> usedNonces = new HashMap<>();

    public OAuth1Verifier(Collection<ApiKey> keys, Clock clock) {
        this(keys, clock, true);
    }

    /**
     * @param replayChecks false skips the timestamp window and the nonce memory (signature test vectors)
     */
    public OAuth1Verifier(Collection<ApiKey> keys, Clock clock, boolean replayChecks) {
        for (ApiKey key : keys) {
            this.keys.put(key.consumerKey(), key);
        }
        this.clock = clock;
        this.replayChecks = replayChecks;
    }

    /**
     * @param method       HTTP method
     * @param signingUrls  URLs (scheme://host[:port]/path, path as sent) a signature may have been made for; WooCommerce
     *                     uses only the site URL, the store also accepts the URL from the Host header
     * @param params       decoded query string and form fields, in request order
     * @param authorization the Authorization header or null
     */
    public Outcome verify(String method, List<String> signingUrls, List<Map.Entry<String, String>> params,
            String authorization) {
        Map<String, String> all = phpParams(params);
        if (authorization != null && authorization.trim().startsWith("OAuth ")) {
            for (Map.Entry<String, String> p : parseAuthorizationHeader(authorization.trim())) {
                all.put(p.getKey(), p.getValue());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : REQUIRED) {
            if (isEmpty(all.get(name))) {
                missing.add(name);
            }
        }
        if (missing.size() == REQUIRED.size()) {
            return new NotAttempted();
        }
        if (!missing.isEmpty()) {
            return new Rejected("woocommerce_rest_authentication_missing_parameter",
                    (missing.size() == 1 ? "Missing OAuth parameter " : "Missing OAuth parameters ")
                            + String.join(", ", missing));
        }
        ApiKey key = keys.get(all.get("oauth_consumer_key"));
        if (key == null) {
            return new Rejected("woocommerce_rest_authentication_error", "Consumer key is invalid.");
        }
        String provided = percentDecode(all.get("oauth_signature").replace(' ', '+'));
        String signatureMethod = all.get("oauth_signature_method");
        if (!signatureMethod.equals("HMAC-SHA1") && !signatureMethod.equals("HMAC-SHA256")) {
            return new Rejected("woocommerce_rest_authentication_error",
                    "Invalid signature - signature method is invalid.");
        }
        List<Map.Entry<String, String>> signed = new ArrayList<>();
        all.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                signed.add(Map.entry(k, v));
            }
        });
        boolean matches = false;
        for (String url : signingUrls) {
            String expected = signature(signatureMethod, key.consumerSecret(), baseString(method, url, signed));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                    provided.getBytes(StandardCharsets.UTF_8))) {
                matches = true;
                break;
            }
        }
        if (!matches) {
            return new Rejected("woocommerce_rest_authentication_error",
                    "Invalid signature - provided signature does not match.");
        }
        if (replayChecks) {
            Rejected replay = checkTimestampAndNonce(key, all.get("oauth_timestamp"), all.get("oauth_nonce"));
            if (replay != null) {
                return replay;
            }
        }
        return new Verified(key);
    }

    /** Forgets every used nonce (part of {@link DemoStore#reset()}). */
    public synchronized void forgetNonces() {
        usedNonces.clear();
    }

    private synchronized Rejected checkTimestampAndNonce(ApiKey key, String timestamp, String nonce) {
        long now = clock.instant().getEpochSecond();
        long window = WINDOW.toSeconds();
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return new Rejected("woocommerce_rest_authentication_error", "Invalid timestamp.");
        }
        if (ts < now - window || ts > now + window) {
            return new Rejected("woocommerce_rest_authentication_error", "Invalid timestamp.");
        }
        // in the order they were used: the expired ones are at the head (a scan of every nonce per request made each
        // request slower than the one before under load)
        Map<String, Long> nonces = usedNonces.computeIfAbsent(key.consumerKey(), k -> new LinkedHashMap<>());
        for (Iterator<Long> it = nonces.values().iterator(); it.hasNext();) {
            if (it.next() >= now - window) {
                break;
            }
            it.remove();
        }
        if (nonces.containsKey(nonce)) {
            return new Rejected("woocommerce_rest_authentication_error",
                    "Invalid nonce - nonce has already been used.");
        }
        nonces.put(nonce, ts);
        return null;
    }

    /**
     * WooCommerce's signature base string. {@code params} must not contain {@code oauth_signature}; they are sorted by key
     * (byte order, as PHP's strcmp) and duplicates keep the last value.
     */
    public static String baseString(String method, String url, List<Map.Entry<String, String>> params) {
        Map<String, String> merged = phpParams(params);
        List<Map.Entry<String, String>> sorted = new ArrayList<>(merged.entrySet());
        sorted.sort((a, b) -> compareBytes(a.getKey(), b.getKey()));
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, String> p : sorted) {
            pairs.add(rfc3986(rfc3986(p.getKey()) + "=" + rfc3986(p.getValue())));
        }
        return method.toUpperCase(java.util.Locale.ROOT) + "&" + rfc3986(url) + "&" + String.join("%26", pairs);
    }

    /** Base64 HMAC of the base string with key {@code consumerSecret&}. */
    public static String signature(String signatureMethod, String consumerSecret, String baseString) {
        String algorithm = switch (signatureMethod) {
            case "HMAC-SHA1" -> "HmacSHA1";
            case "HMAC-SHA256" -> "HmacSHA256";
            default -> throw new IllegalArgumentException("unsupported signature method " + signatureMethod);
        };
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec((consumerSecret + "&").getBytes(StandardCharsets.UTF_8), algorithm));
            return Base64.getEncoder().encodeToString(mac.doFinal(baseString.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The oauth_* pairs of an {@code Authorization: OAuth ...} header, decoded like WooCommerce's parse_header. */
    public static List<Map.Entry<String, String>> parseAuthorizationHeader(String header) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        if (!header.startsWith("OAuth ")) {
            return result;
        }
        Matcher m = HEADER_PARAM.matcher(header);
        while (m.find()) {
            String quoted = m.group(3);
            String value = quoted != null && !quoted.isEmpty() ? quoted : m.group(4) == null ? "" : m.group(4);
            result.add(Map.entry(m.group(1), Php.urldecode(value)));
        }
        return result;
    }

    /** PHP's rawurlencode: RFC 3986 unreserved characters stay, everything else is %XX (upper case). */
    public static String rfc3986(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
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

    /**
     * The parameters as PHP sees them in {@code $_GET}/{@code $_POST}: the last duplicate wins, and {@code name[]} gets
     * the next numeric index, the way PHP builds arrays.
     */
    static Map<String, String> phpParams(List<Map.Entry<String, String>> params) {
        Map<String, String> result = new LinkedHashMap<>();
        Map<String, Integer> nextIndex = new HashMap<>();
        for (Map.Entry<String, String> p : params) {
            String key = p.getKey();
            int bracket = key.indexOf("[]");
            if (bracket > 0) {
                String base = key.substring(0, bracket);
                int index = nextIndex.merge(base, 1, Integer::sum) - 1;
                key = base + "[" + index + "]" + key.substring(bracket + 2);
            }
            result.put(key, p.getValue() == null ? "" : p.getValue());
        }
        return result;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty() || value.equals("0");
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** PHP's rawurldecode (no '+' handling). */
    static String percentDecode(String s) {
        return Php.decode(s, false);
    }
}
