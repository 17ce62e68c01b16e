package io.csc.chat.knowledge;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words shoppers and stores use for the same thing ("phone" and "call", "guarantee" and "warranty", "parcel" and
 * "package"), for the full-text part of a search: the query matches a passage that says it in the store's words. A
 * general customer-service vocabulary (English: applied to stores whose text-search language is English); ranking by
 * meaning needs none of it.
 */
final class Synonyms {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");

    /** Each group: words that stand for one another. */
    private static final List<List<String>> GROUPS = List.of(
            // contact
            List.of("phone", "telephone", "call"),
            List.of("email", "e-mail", "mail"),
            List.of("contact", "reach"),
            List.of("staff", "team", "employees", "people"),
            // the store
            List.of("shop", "store"),
            List.of("located", "location", "address"),
            List.of("founded", "started", "established"),
            // delivery
            List.of("ship", "shipping", "deliver", "delivery", "dispatch"),
            List.of("package", "parcel"),
            List.of("track", "tracking", "trace"),
            List.of("tax", "taxes", "vat"),
            List.of("customs", "duty", "duties"),
            // money
            List.of("cost", "costs", "price", "fee", "fees", "charge"),
            List.of("pay", "payment", "checkout"),
            List.of("refund", "reimburse", "reimbursement"),
            // after the sale
            List.of("guarantee", "warranty"),
            List.of("broken", "damaged", "defective", "faulty"),
            List.of("exchange", "swap", "replace"),
            List.of("cancel", "cancellation"),
            // things
            List.of("headphones", "earbuds", "earphones"));

    private static final Map<String, List<String>> ALTERNATIVES = new HashMap<>();

    static {
        for (List<String> group : GROUPS) {
            for (String w : group) {
                ALTERNATIVES.computeIfAbsent(w, k -> new java.util.ArrayList<>())
                        .addAll(group.stream().filter(o -> !o.equals(w)).toList());
            }
        }
    }

    private Synonyms() {
    }

    /**
     * The question with the alternatives of its words appended (for an OR query: any of them matches), or the question
     * itself when none of its words has any.
     */
    static String expand(String question) {
        Set<String> extra = new LinkedHashSet<>();
        Matcher m = WORD.matcher(question.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            List<String> alternatives = ALTERNATIVES.get(w);
            if (alternatives == null && w.length() > 3 && w.endsWith("s")) {
                alternatives = ALTERNATIVES.get(w.substring(0, w.length() - 1));
            }
            if (alternatives != null) {
                extra.addAll(alternatives);
            }
        }
        return extra.isEmpty() ? question : question + " " + String.join(" ", extra);
    }
}
