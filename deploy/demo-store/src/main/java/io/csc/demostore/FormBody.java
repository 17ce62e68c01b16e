package io.csc.demostore;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A form-encoded body as PHP reads it into $_POST: {@code billing[email]=x} nests, {@code items[0][id]} lists. */
final class FormBody {

    private FormBody() {
    }

    static ObjectNode toJson(String body) {
        ObjectNode object = Json.object();
        Php.parseStr(body).forEach((k, v) -> object.set(k, value(v)));
        return object;
    }

    @SuppressWarnings("unchecked")
    private static JsonNode value(Object v) {
        return v instanceof LinkedHashMap<?, ?> m ? convert((Map<String, Object>) m) : Json.NODES.textNode(String.valueOf(v));
    }

    private static JsonNode convert(Map<String, Object> map) {
        boolean sequential = !map.isEmpty();
        int i = 0;
        for (String k : map.keySet()) {
            if (!k.equals(String.valueOf(i++))) {
                sequential = false;
                break;
            }
        }
        if (sequential) {
            ArrayNode array = Json.array();
            map.values().forEach(v -> array.add(value(v)));
            return array;
        }
        ObjectNode object = Json.object();
        map.forEach((k, v) -> object.set(k, value(v)));
        return object;
    }
}
