package io.csc.demostore;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The few PHP/WordPress string functions whose quirks show up on the wire: query parsing ({@code parse_str}),
 * {@code urlencode}, and {@code add_query_arg}, which builds the pagination {@code Link} header. Query values are either
 * a {@code String} or, for {@code name[key]} parameters, a nested {@code Map<String, Object>}.
 */
final class Php {

    private Php() {
    }

    /** {@code urldecode}: %XX and '+' as space. */
    static String urldecode(String s) {
        return decode(s, true);
    }

    static String decode(String s, boolean plusAsSpace) {
        if (s.indexOf('%') < 0 && (!plusAsSpace || s.indexOf('+') < 0)) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '+' && plusAsSpace) {
                out.write(' ');
            } else if (b == '%' && i + 2 < bytes.length && hex(bytes[i + 1]) >= 0 && hex(bytes[i + 2]) >= 0) {
                out.write(hex(bytes[i + 1]) << 4 | hex(bytes[i + 2]));
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    /** PHP's {@code urlencode}: letters, digits and "-_." stay, space becomes '+', the rest %XX. */
    static String urlencode(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Decoded name/value pairs of a query string in order, without PHP's array handling. */
    static List<Map.Entry<String, String>> pairs(String query) {
        List<Map.Entry<String, String>> result = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return result;
        }
        for (String part : query.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String name = eq < 0 ? part : part.substring(0, eq);
            String value = eq < 0 ? "" : part.substring(eq + 1);
            result.add(Map.entry(urldecode(name), urldecode(value)));
        }
        return result;
    }

    /** {@code parse_str}: later duplicates win, {@code a[b]=c} nests, {@code a[]} appends. */
    static LinkedHashMap<String, Object> parseStr(String query) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs(query)) {
            put(result, pair.getKey(), pair.getValue());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    static void put(LinkedHashMap<String, Object> target, String rawKey, String value) {
        String key = rawKey.stripLeading();
        int open = key.indexOf('[');
        if (open <= 0 || key.indexOf(']', open) < 0) {
            String name = key.replace('.', '_').replace(' ', '_').replace('[', '_');
            if (!name.isEmpty()) {
                target.put(name, value);
            }
            return;
        }
        String base = key.substring(0, open).replace('.', '_').replace(' ', '_');
        List<String> path = new ArrayList<>();
        int i = open;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                break;
            }
            path.add(key.substring(i + 1, close));
            i = close + 1;
        }
        LinkedHashMap<String, Object> current = target;
        String name = base;
        for (String index : path) {
            Object existing = current.get(name);
            LinkedHashMap<String, Object> child;
            if (existing instanceof LinkedHashMap<?, ?> map) {
                child = (LinkedHashMap<String, Object>) map;
            } else {
                child = new LinkedHashMap<>();
                current.put(name, child);
            }
            current = child;
            name = index.isEmpty() ? String.valueOf(nextIndex(child)) : index;
        }
        current.put(name, value);
    }

    private static int nextIndex(Map<String, Object> array) {
        int next = 0;
        for (String k : array.keySet()) {
            try {
                next = Math.max(next, Integer.parseInt(k) + 1);
            } catch (NumberFormatException e) {
                // string keys do not move the numeric index
            }
        }
        return next;
    }

    /** WordPress {@code build_query}: no encoding at all, nested keys as {@code key%5Bsub%5D}. */
    static String buildQuery(Map<String, Object> data) {
        List<String> parts = new ArrayList<>();
        build(data, null, parts);
        return String.join("&", parts);
    }

    @SuppressWarnings("unchecked")
    private static void build(Map<String, Object> data, String prefix, List<String> parts) {
        for (Map.Entry<String, Object> e : data.entrySet()) {
            String key = prefix == null ? e.getKey() : prefix + "%5B" + e.getKey() + "%5D";
            Object value = e.getValue();
            if (value == null) {
                continue;
            }
            if (value instanceof Map<?, ?> map) {
                build((Map<String, Object>) map, key, parts);
            } else {
                parts.add(key + "=" + value);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static LinkedHashMap<String, Object> urlencodeDeep(Map<String, Object> data) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : data.entrySet()) {
            Object value = e.getValue();
            result.put(e.getKey(), value instanceof Map<?, ?> map
                    ? urlencodeDeep((Map<String, Object>) map)
                    : urlencode(String.valueOf(value)));
        }
        return result;
    }

    /**
     * WordPress {@code add_query_arg( $args, $url )}: the URL's existing query is decoded and urlencoded again, the new
     * args go in as they are (replacing in place or appended), and {@code =} before a {@code &} or the end is dropped.
     * WooCommerce calls it twice for a pagination link, which is why the echoed oauth_signature loses its trailing '='
     * and an encoded '+' comes back as a literal '+'.
     */
    static String addQueryArgs(String url, Map<String, Object> args) {
        String protocol = "";
        String uri = url;
        if (uri.regionMatches(true, 0, "http://", 0, 7)) {
            protocol = uri.substring(0, 7);
            uri = uri.substring(7);
        } else if (uri.regionMatches(true, 0, "https://", 0, 8)) {
            protocol = uri.substring(0, 8);
            uri = uri.substring(8);
        }
        String fragment = "";
        int hash = uri.indexOf('#');
        if (hash >= 0) {
            fragment = uri.substring(hash);
            uri = uri.substring(0, hash);
        }
        String base;
        String query;
        int q = uri.indexOf('?');
        if (q >= 0) {
            base = uri.substring(0, q + 1);
            query = uri.substring(q + 1);
        } else {
            base = uri + "?";
            query = "";
        }
        LinkedHashMap<String, Object> qs = urlencodeDeep(parseStr(query));
        qs.putAll(args);
        String ret = buildQuery(qs);
        ret = trim(ret, '?');
        ret = ret.replaceAll("=(&|$)", "$1");
        String result = protocol + base + ret + fragment;
        while (result.endsWith("?")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    private static String trim(String s, char c) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == c) {
            start++;
        }
        while (end > start && s.charAt(end - 1) == c) {
            end--;
        }
        return s.substring(start, end);
    }
}
