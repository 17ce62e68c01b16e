package io.csc.chat.grounding;

import java.util.Set;

/**
 * An order fact found in a text: its kind (order_number|status|date|total|tracking|address), the text as written, and
 * the normalized keys that would ground it (several when the writing is ambiguous, as 03/04/2026).
 */
public record Claim(String kind, String raw, Set<String> keys) {

    static Claim of(String kind, String raw, String value) {
        return new Claim(kind, raw, Set.of(key(kind, value)));
    }

    static String key(String kind, String value) {
        return kind + ":" + value;
    }
}
