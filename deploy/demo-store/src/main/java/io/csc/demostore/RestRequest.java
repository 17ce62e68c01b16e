package io.csc.demostore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A REST request after routing: parameters looked up the way WordPress does (body first, then query, then URL). */
final class RestRequest {

    final String method;
    final String route;
    final String rawQuery;
    final ObjectNode query;
    final ObjectNode body;
    final Map<String, String> pathParams;
    final ApiKey key;

    RestRequest(String method, String route, String rawQuery, ObjectNode body, Map<String, String> pathParams,
            ApiKey key) {
        this.method = method;
        this.route = route;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.query = toJson(Php.parseStr(this.rawQuery));
        this.body = body == null ? Json.object() : body;
        this.pathParams = pathParams;
        this.key = key;
    }

    /** The parameter, or null when absent. */
    JsonNode param(String name) {
        JsonNode value = body.get(name);
        if (value != null) {
            return value;
        }
        value = query.get(name);
        if (value != null) {
            return value;
        }
        String path = pathParams.get(name);
        return path == null ? null : Json.NODES.textNode(path);
    }

    boolean has(String name) {
        JsonNode value = param(name);
        return value != null && !value.isNull();
    }

    String string(String name) {
        JsonNode value = param(name);
        return value == null || value.isNull() ? null : value.asText();
    }

    String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    int integer(String name, int fallback) {
        String value = string(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    int pathId(String name) {
        return Integer.parseInt(pathParams.get(name));
    }

    /** A boolean parameter as rest_sanitize_boolean reads it; null when absent. */
    Boolean bool(String name) {
        JsonNode value = param(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        String text = value.asText().trim().toLowerCase(java.util.Locale.ROOT);
        return !(text.isEmpty() || text.equals("false") || text.equals("0") || text.equals("no"));
    }

    /** A list parameter: a JSON array, {@code name[0]=..} entries or a comma/space separated string. */
    List<String> list(String name) {
        return Params.listValues(param(name));
    }

    List<Integer> ids(String name) {
        List<Integer> ids = new ArrayList<>();
        for (String v : list(name)) {
            try {
                ids.add((int) Double.parseDouble(v));
            } catch (NumberFormatException e) {
                // validated before; ignore leftovers
            }
        }
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static ObjectNode toJson(Map<String, Object> map) {
        ObjectNode node = Json.object();
        for (Map.Entry<String, Object> e : map.entrySet()) {
            if (e.getValue() instanceof LinkedHashMap<?, ?> nested) {
                node.set(e.getKey(), toJson((Map<String, Object>) nested));
            } else {
                node.put(e.getKey(), String.valueOf(e.getValue()));
            }
        }
        return node;
    }
}
