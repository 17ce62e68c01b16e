package io.csc.gateway.woo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call to {@code /wp-json/wc/v3}: method, path below the namespace, query (kept in order, unencoded), optional JSON
 * body, and an operation name for metrics ({@code products.list}). {@code anonymous} calls (WordPress's public routes
 * such as the site index) carry no credentials: a Basic header on a non-WooCommerce route would be checked by
 * WordPress's application passwords and refused.
 */
public record WooRequest(String method, String path, List<Map.Entry<String, String>> query, JsonNode body,
        String operation, boolean anonymous) {

    public static Builder get(String operation, String path) {
        return new Builder("GET", operation, path);
    }

    public static Builder post(String operation, String path, JsonNode body) {
        return new Builder("POST", operation, path).body(body);
    }

    public static Builder put(String operation, String path, JsonNode body) {
        return new Builder("PUT", operation, path).body(body);
    }

    public static Builder delete(String operation, String path) {
        return new Builder("DELETE", operation, path);
    }

    public static Builder of(String method, String operation, String path) {
        return new Builder(method, operation, path);
    }

    public boolean idempotentRead() {
        return method.equals("GET") || method.equals("HEAD");
    }

    public static final class Builder {
        private final String method;
        private final String operation;
        private final String path;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private JsonNode body;
        private boolean anonymous;

        private Builder(String method, String operation, String path) {
            this.method = method;
            this.operation = operation;
            this.path = path;
        }

        /** Adds a parameter when the value is present; collections become comma lists (WooCommerce signs those safely). */
        public Builder param(String name, Object value) {
            if (value == null) {
                return this;
            }
            String text = value instanceof Collection<?> c
                    ? String.join(",", c.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            if (!text.isEmpty()) {
                query.add(Map.entry(name, text));
            }
            return this;
        }

        public Builder params(Map<String, ?> params) {
            if (params != null) {
                params.forEach(this::param);
            }
            return this;
        }

        public Builder body(JsonNode body) {
            this.body = body;
            return this;
        }

        /** Sent without credentials (public WordPress routes). */
        public Builder anonymous() {
            this.anonymous = true;
            return this;
        }

        public WooRequest build() {
            return new WooRequest(method, path, List.copyOf(query), body, operation, anonymous);
        }
    }
}
