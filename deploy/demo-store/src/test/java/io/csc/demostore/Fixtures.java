package io.csc.demostore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded exchanges in deploy/woo-fixtures. */
final class Fixtures {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final String RECORDED_SITE = "http://127.0.0.1:8088";

    private Fixtures() {
    }

    static Path dir() {
        String configured = System.getProperty("woo.fixtures");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        return Path.of("..", "woo-fixtures");
    }

    static JsonNode load(String name) {
        try {
            return MAPPER.readTree(dir().resolve(name.endsWith(".json") ? name : name + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every exchange listed in _index.json, in recording order. */
    static List<JsonNode> inRecordingOrder() {
        List<JsonNode> result = new ArrayList<>();
        for (JsonNode entry : load("_index")) {
            result.add(load(entry.get("name").asText()));
        }
        return result;
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
