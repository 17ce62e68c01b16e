package io.csc.demostore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** JSON, money and date helpers shared by the resources. Entities are kept as the JSON WooCommerce answers with. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** WooCommerce's REST date format, for local ({@code date_x}) and UTC ({@code date_x_gmt}) fields alike. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private Json() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad JSON resource: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static List<ObjectNode> objects(JsonNode array) {
        List<ObjectNode> result = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(n -> {
                if (n instanceof ObjectNode o) {
                    result.add(o);
                }
            });
        }
        return result;
    }

    /** {@code wc_format_decimal($value, 2)}: two decimals, half up. */
    static String money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A decimal from a string or number field; empty or missing is zero. */
    static BigDecimal decimal(JsonNode node, String field) {
        return decimal(node == null ? null : node.get(field));
    }

    static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull()) {
            return BigDecimal.ZERO;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asText().trim();
        if (text.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    static boolean isDecimal(String text) {
        try {
            new BigDecimal(text.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** A number the way PHP's json_encode writes a float: 39 for 39.0, 14.4 for 14.40. */
    static JsonNode number(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() <= 0) {
            return NODES.numberNode(stripped.longValueExact());
        }
        return NODES.numberNode(stripped.doubleValue());
    }

    static String date(Instant instant) {
        return DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Parses an ISO 8601 date(-time) as WordPress's rest_parse_date does; no offset means UTC. */
    static Instant parseDate(String text) {
        return parseDate(text, ZoneOffset.UTC);
    }

    /**
     * Parses a date(-time) written in the store's local time (a {@code date_*} field on write); an explicit offset in
     * the text still wins, as in WooCommerce's wc_string_to_datetime.
     */
    static Instant parseDate(String text, java.time.ZoneId zone) {
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11);
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            // try without offset
        }
        try {
            return LocalDateTime.parse(t).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            // try a plain date
        }
        try {
            return java.time.LocalDate.parse(t).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Rewrites every {@code date_x} that has a {@code date_x_gmt} twin (at any depth) as the twin's instant in the
     * store's time zone. The store keeps instants (the _gmt fields) only; like WooCommerce, which reads the timestamp
     * and formats the local field with the current site time zone, the local field follows the time zone even after
     * it changes.
     */
    static void localizeDates(JsonNode node, java.time.ZoneId zone) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                JsonNode gmt = object.get(name + "_gmt");
                // WooCommerce's date_x fields only: WordPress stores a post's plain "date" in local time once.
                if (name.startsWith("date_") && !name.endsWith("_gmt") && gmt != null
                        && (gmt.isTextual() || gmt.isNull()) && (value.isTextual() || value.isNull())) {
                    Instant at = gmt.isNull() ? null : parseDate(gmt.asText());
                    if (at == null) {
                        object.putNull(name);
                    } else {
                        object.put(name, DATE.format(at.atZone(zone)));
                    }
                } else if (value.isContainerNode()) {
                    localizeDates(value, zone);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> localizeDates(item, zone));
        }
    }

    /** A "_links" entry: {"href": ...} wrapped in an array. */
    static ArrayNode link(String href) {
        ArrayNode a = array();
        a.addObject().put("href", href);
        return a;
    }

    static ArrayNode selfLink(String href, String... allow) {
        ArrayNode a = array();
        ObjectNode self = a.addObject().put("href", href);
        ArrayNode methods = self.putObject("targetHints").putArray("allow");
        for (String m : allow) {
            methods.add(m);
        }
        return a;
    }
}
