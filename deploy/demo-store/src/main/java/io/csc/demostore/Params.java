package io.csc.demostore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.demostore.WooErrors.ParamError;

/** WordPress's argument validation (rest_validate_value_from_schema), with its messages. */
final class Params {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+(\\.0*)?");
    /** rest_parse_date's accepted shape: a date and a time, optional fraction and offset. */
    private static final Pattern DATE_TIME = Pattern
            .compile("^\\d{4}-\\d{2}-\\d{2}[Tt ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|z|[+-]\\d{2}(:\\d{2})?)?$");
    private static final Pattern LIST_SPLIT = Pattern.compile("[,\\s]+");
    // Close enough to WordPress's is_email(): something@domain.tld without spaces.
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

    private Params() {
    }

    /** Missing required parameters first (400 rest_missing_callback_param), then every invalid one together. */
    static void validate(RestRequest request, List<Param> specs) {
        List<String> missing = new ArrayList<>();
        for (Param p : specs) {
            if (p.required && !request.has(p.name)) {
                missing.add(p.name);
            }
        }
        if (!missing.isEmpty()) {
            throw WooErrors.missingParams(missing);
        }
        Map<String, ParamError> invalid = new LinkedHashMap<>();
        for (Param p : specs) {
            JsonNode value = request.param(p.name);
            if (value == null || value.isNull()) {
                continue;
            }
            ParamError error = check(p, value);
            if (error != null) {
                invalid.put(p.name, error);
            }
        }
        if (!invalid.isEmpty()) {
            throw WooErrors.invalidParams(invalid);
        }
    }

    static ParamError check(Param p, JsonNode value) {
        switch (p.type) {
            case INTEGER -> {
                if (!isInteger(value)) {
                    return typeError(p.name, "integer");
                }
                return bounds(p, (long) Double.parseDouble(value.asText().trim()));
            }
            case NUMBER -> {
                if (value.isContainerNode() || !Json.isDecimal(value.asText())) {
                    return typeError(p.name, "number");
                }
                return null;
            }
            case BOOLEAN -> {
                return isBoolean(value) ? null : typeError(p.name, "boolean");
            }
            case STRING -> {
                if (value.isContainerNode()) {
                    return typeError(p.name, "string");
                }
                return checkString(p.name, p, value.asText());
            }
            case INTEGER_LIST, STRING_LIST -> {
                List<String> items = listValues(value);
                for (int i = 0; i < items.size(); i++) {
                    String item = items.get(i);
                    String itemName = p.name + "[" + i + "]";
                    if (p.type == Param.Type.INTEGER_LIST && !INTEGER.matcher(item.trim()).matches()) {
                        return typeError(itemName, "integer");
                    }
                    ParamError e = p.type == Param.Type.STRING_LIST ? checkString(itemName, p, item) : null;
                    if (e != null) {
                        return e;
                    }
                }
                return null;
            }
            case OBJECT -> {
                if (!value.isObject()) {
                    return typeError(p.name, "object");
                }
                if (p.nestedEmail && value.has("email")) {
                    String email = value.get("email").asText();
                    if (!email.isEmpty() && !isEmail(email)) {
                        return new ParamError("rest_invalid_email", "Invalid email address.");
                    }
                }
                return null;
            }
            case ARRAY -> {
                return value.isArray() ? null : typeError(p.name, "array");
            }
            default -> {
                return null;
            }
        }
    }

    private static ParamError checkString(String name, Param p, String text) {
        if (p.oneOf != null && !p.oneOf.contains(text)) {
            return new ParamError("rest_not_in_enum", name + " is not one of " + humanList(p.oneOf) + ".");
        }
        if (p.email && !isEmail(text)) {
            return new ParamError("rest_invalid_email", "Invalid email address.");
        }
        if (p.dateTime && (!DATE_TIME.matcher(text.trim()).matches()
                || Json.parseDate(text) == null)) {
            return new ParamError("rest_invalid_date", "Invalid date.");
        }
        return null;
    }

    private static ParamError bounds(Param p, long value) {
        if (p.min != null && p.max != null && (value < p.min || value > p.max)) {
            return new ParamError("rest_out_of_bounds",
                    p.name + " must be between " + p.min + " (inclusive) and " + p.max + " (inclusive)");
        }
        if (p.min != null && p.max == null && value < p.min) {
            return new ParamError("rest_out_of_bounds", p.name + " must be greater than or equal to " + p.min);
        }
        if (p.max != null && p.min == null && value > p.max) {
            return new ParamError("rest_out_of_bounds", p.name + " must be less than or equal to " + p.max);
        }
        return null;
    }

    private static ParamError typeError(String name, String type) {
        return new ParamError("rest_invalid_type", name + " is not of type " + type + ".");
    }

    static boolean isInteger(JsonNode value) {
        if (value.isIntegralNumber()) {
            return true;
        }
        if (value.isContainerNode() || value.isBoolean()) {
            return false;
        }
        return INTEGER.matcher(value.asText().trim()).matches();
    }

    static boolean isBoolean(JsonNode value) {
        if (value.isBoolean()) {
            return true;
        }
        if (value.isIntegralNumber()) {
            return value.asLong() == 0 || value.asLong() == 1;
        }
        if (value.isTextual()) {
            String t = value.asText().toLowerCase(Locale.ROOT);
            return t.equals("true") || t.equals("false") || t.equals("0") || t.equals("1");
        }
        return false;
    }

    static boolean isEmail(String text) {
        return text.length() >= 6 && EMAIL.matcher(text).matches();
    }

    /** WordPress's "%l" list: "a", "a and b", "a, b, and c". */
    static String humanList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.size() == 2) {
            return items.get(0) + " and " + items.get(1);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1);
    }

    static List<String> listValues(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (value.isContainerNode()) {
            value.forEach(v -> items.add(v.asText()));
            return items;
        }
        for (String part : LIST_SPLIT.split(value.asText().trim())) {
            if (!part.isEmpty()) {
                items.add(part);
            }
        }
        return items;
    }
}
