package io.csc.demostore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Recursive comparison of a recorded JSON body with the demo store's, reporting every difference with its path. */
final class JsonCompare {

    private static final java.util.regex.Pattern DATE = java.util.regex.Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");

    private final boolean values;
    private final Set<String> ignoredFields;
    private final List<String> differences = new ArrayList<>();

    private JsonCompare(boolean values, Set<String> ignoredFields) {
        this.values = values;
        this.ignoredFields = ignoredFields;
    }

    /** Same keys and JSON types everywhere (null fits any type), values not compared. */
    static List<String> shape(JsonNode expected, JsonNode actual) {
        JsonCompare c = new JsonCompare(false, Set.of());
        c.compare("$", expected, actual);
        return c.differences;
    }

    /**
     * Same keys, types and values; arrays of objects with an "id" are matched by id (WooCommerce orders equal dates
     * by insertion in MySQL, which no rule reproduces). Fields named in ignoredFields are compared by type only.
     */
    static List<String> values(JsonNode expected, JsonNode actual, Set<String> ignoredFields) {
        JsonCompare c = new JsonCompare(true, ignoredFields);
        c.compare("$", expected, actual);
        return c.differences;
    }

    private void compare(String path, JsonNode expected, JsonNode actual) {
        if (actual == null) {
            differences.add(path + " missing");
            return;
        }
        if (!values && (expected.isNull() || actual.isNull() || expected.isNumber() && actual.isNumber())) {
            return; // shapes: nullable fields and PHP's int-or-float numbers
        }
        if (!sameType(expected, actual)) {
            differences.add(path + " type " + expected.getNodeType() + " expected, got " + actual.getNodeType() + " ("
                    + abbreviate(actual) + ")");
            return;
        }
        if (expected.isObject()) {
            Iterator<String> names = expected.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!actual.has(name)) {
                    differences.add(path + "." + name + " missing");
                } else if (ignoredFields.contains(name)) {
                    if (!sameType(expected.get(name), actual.get(name)) && !expected.get(name).isNull()
                            && !actual.get(name).isNull()) {
                        differences.add(path + "." + name + " type differs");
                    }
                } else {
                    compare(path + "." + name, expected.get(name), actual.get(name));
                }
            }
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    differences.add(path + "." + name + " unexpected");
                }
            });
        } else if (expected.isArray()) {
            compareArrays(path, expected, actual);
        } else if (values && !expected.equals(actual) && !(expected.isNumber() && actual.isNumber()
                && expected.decimalValue().compareTo(actual.decimalValue()) == 0) && !sameSecondish(expected, actual)) {
            differences.add(path + " expected " + abbreviate(expected) + ", got " + abbreviate(actual));
        }
    }

    /**
     * Dates may differ by a second: a recorded request sometimes straddled a second boundary (the two products of one
     * batch got different seconds), while the demo store's pinned clock stands still during a request.
     */
    private static boolean sameSecondish(JsonNode expected, JsonNode actual) {
        if (!expected.isTextual() || !actual.isTextual() || !DATE.matcher(expected.asText()).matches()
                || !DATE.matcher(actual.asText()).matches()) {
            return false;
        }
        long a = java.time.LocalDateTime.parse(expected.asText()).toEpochSecond(java.time.ZoneOffset.UTC);
        long b = java.time.LocalDateTime.parse(actual.asText()).toEpochSecond(java.time.ZoneOffset.UTC);
        return Math.abs(a - b) <= 1;
    }

    private void compareArrays(String path, JsonNode expected, JsonNode actual) {
        if (values && path.endsWith(".meta_data")) {
            // Meta rows are numbered by a counter the recorded store also spent on internal rows: compare in order,
            // ids by type only.
            if (expected.size() != actual.size()) {
                differences.add(path + " has " + actual.size() + " elements, expected " + expected.size());
                return;
            }
            JsonCompare inner = new JsonCompare(true, union(ignoredFields, "id"));
            for (int i = 0; i < expected.size(); i++) {
                inner.compare(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
            differences.addAll(inner.differences);
            return;
        }
        boolean byId = values && expected.size() > 0 && allHaveIds(expected) && allHaveIds(actual);
        if (values && expected.size() != actual.size()) {
            differences.add(path + " has " + actual.size() + " elements, expected " + expected.size());
            return;
        }
        if (byId) {
            Map<String, JsonNode> actualById = new HashMap<>();
            actual.forEach(a -> actualById.put(a.get("id").asText(), a));
            for (JsonNode e : expected) {
                String id = e.get("id").asText();
                compare(path + "[id=" + id + "]", e, actualById.get(id));
            }
            return;
        }
        if (values) {
            for (int i = 0; i < expected.size(); i++) {
                compare(path + "[" + i + "]", expected.get(i), actual.get(i));
            }
        } else if (expected.size() > 0 && actual.size() > 0) {
            for (int i = 0; i < actual.size(); i++) {
                compare(path + "[" + i + "]", expected.get(Math.min(i, expected.size() - 1)), actual.get(i));
            }
        }
    }

    private static Set<String> union(Set<String> set, String extra) {
        java.util.Set<String> result = new java.util.HashSet<>(set);
        result.add(extra);
        return result;
    }

    private static boolean allHaveIds(JsonNode array) {
        for (JsonNode n : array) {
            if (!n.isObject() || !n.has("id")) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameType(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.isIntegralNumber() == b.isIntegralNumber() || a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.getNodeType() == b.getNodeType();
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
