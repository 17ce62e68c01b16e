package io.csc.verification.simple;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a typed full name is the customer's: first and last name both present and equal after folding case,
 * accents and spacing ("Alice  JOHNSON" and "Alice Johnson" match; "Alice" alone or "Alice Smith" do not).
 */
final class NameMatcher {
    private NameMatcher() {
    }

    static boolean matches(String typed, String firstName, String lastName) {
        String first = fold(firstName);
        String last = fold(lastName);
        String name = fold(typed);
        if (first.isEmpty() || last.isEmpty() || name.isEmpty()) {
            return false;
        }
        return name.equals(first + " " + last) || name.equals(last + " " + first) || name.equals(last + ", " + first);
    }

    static String fold(String value) {
        if (value == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }
}
