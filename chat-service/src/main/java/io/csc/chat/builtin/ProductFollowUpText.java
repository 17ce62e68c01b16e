package io.csc.chat.builtin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.ProductSummary.ProductVariant;

/**
 * The answers to a follow-up about one product, from that product's data as the store gave it (its variations
 * included): which colours and sizes it comes in, whether it comes in the one asked for, and whether it can go in the
 * cart (the reply's product card carries the button; the text says so).
 */
final class ProductFollowUpText {

    private ProductFollowUpText() {
    }

    /** "You can add ... with the button below", or why it can't be added. */
    static String addToCart(ProductSummary p, Language lang) {
        Map<String, Set<String>> options = options(p);
        if (!options.isEmpty()) {
            boolean any = p.variations().stream().anyMatch(v -> "instock".equals(v.stockStatus()));
            if (!any || "outofstock".equals(p.stockStatus())) {
                return ReplyCatalog.text(lang, "followup.add.unavailable", Map.of("product", p.name()));
            }
            return ReplyCatalog.text(lang, "followup.add.choose",
                    Map.of("product", p.name(), "options", String.join(", ", options.keySet())));
        }
        if ("outofstock".equals(p.stockStatus()) || p.price() == null || p.price().isBlank()) {
            return ReplyCatalog.text(lang, "followup.add.unavailable", Map.of("product", p.name()));
        }
        return ReplyCatalog.text(lang, "followup.add", Map.of("product", p.name())) + "\n" + Replies.productLine(p, lang)
                .substring(2);
    }

    /** Which colours and sizes the product comes in; for a wanted one, yes with its variations' stock, or no. */
    static String options(ProductSummary p, Map<String, String> wanted, Language lang) {
        Map<String, Set<String>> options = options(p);
        if (options.isEmpty()) {
            return ReplyCatalog.text(lang, "followup.options.none", Map.of("product", p.name())) + "\n"
                    + Replies.productLine(p, lang).substring(2);
        }
        String all = describe(options);
        if (wanted.isEmpty()) {
            return ReplyCatalog.text(lang, "followup.options", Map.of("product", p.name(), "options", all))
                    + variations(p, wanted, lang);
        }
        List<ProductVariant> matching = matching(p, wanted);
        String asked = String.join(", ", shown(wanted, options));
        if (matching.isEmpty()) {
            return ReplyCatalog.text(lang, "followup.options.nomatch",
                    Map.of("product", p.name(), "wanted", asked, "options", all));
        }
        StringBuilder b = new StringBuilder(ReplyCatalog.text(lang, "followup.options.match",
                Map.of("product", p.name(), "wanted", asked)));
        for (ProductVariant v : matching) {
            b.append("\n").append(line(v, lang));
        }
        return b.toString();
    }

    /**
     * For a variable product, its variations (those of the wanted colour or size when one was named, else the ones in
     * stock), one line each with price and stock; empty for a simple product.
     */
    static String variations(ProductSummary p, Map<String, String> wanted, Language lang) {
        if (p.variations() == null || p.variations().isEmpty()) {
            return "";
        }
        List<ProductVariant> shown = wanted.isEmpty()
                ? p.variations().stream().filter(v -> "instock".equals(v.stockStatus())).toList()
                : matching(p, wanted);
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n").append(ReplyCatalog.text(lang, "followup.options.instock"));
        if (!wanted.isEmpty()) {
            b = new StringBuilder();
        }
        for (ProductVariant v : shown) {
            b.append("\n").append(line(v, lang));
        }
        return b.toString();
    }

    private static String line(ProductVariant v, Language lang) {
        StringBuilder b = new StringBuilder("- ").append(String.join(", ", values(v)));
        if (v.price() != null && !v.price().isBlank()) {
            b.append(": ").append(v.price());
        }
        return b.append(", ").append(Replies.stockWords(v.stockStatus(), v.stockQuantity(), lang)).toString();
    }

    /** The variations whose options include every wanted value ("red", "m"). */
    private static List<ProductVariant> matching(ProductSummary p, Map<String, String> wanted) {
        List<ProductVariant> out = new ArrayList<>();
        for (ProductVariant v : p.variations()) {
            Set<String> have = new LinkedHashSet<>();
            values(v).forEach(x -> have.add(x.toLowerCase(Locale.ROOT)));
            if (have.containsAll(wanted.values().stream().map(x -> x.toLowerCase(Locale.ROOT)).toList())) {
                out.add(v);
            }
        }
        return out;
    }

    /** The wanted values as the store spells them ("red" -> "Red"). */
    private static List<String> shown(Map<String, String> wanted, Map<String, Set<String>> options) {
        List<String> out = new ArrayList<>();
        for (String w : wanted.values()) {
            String spelled = w;
            for (Set<String> values : options.values()) {
                for (String v : values) {
                    if (v.equalsIgnoreCase(w)) {
                        spelled = v;
                    }
                }
            }
            out.add(spelled);
        }
        return out;
    }

    /** Attribute name to its values over the variations ("Color" -> Blue, Red), in the store's order. */
    static Map<String, Set<String>> options(ProductSummary p) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (p.variations() == null) {
            return out;
        }
        for (ProductVariant v : p.variations()) {
            for (String a : v.attributes() == null ? List.<String>of() : v.attributes()) {
                int colon = a.indexOf(':');
                String name = colon < 0 ? "" : a.substring(0, colon).trim();
                String value = colon < 0 ? a.trim() : a.substring(colon + 1).trim();
                out.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(value);
            }
        }
        return out;
    }

    private static List<String> values(ProductVariant v) {
        List<String> out = new ArrayList<>();
        for (String a : v.attributes() == null ? List.<String>of() : v.attributes()) {
            int colon = a.indexOf(':');
            out.add(colon < 0 ? a.trim() : a.substring(colon + 1).trim());
        }
        return out;
    }

    private static String describe(Map<String, Set<String>> options) {
        List<String> parts = new ArrayList<>();
        options.forEach((name, values) -> parts.add(
                (name.isEmpty() ? "" : name.toLowerCase(Locale.ROOT) + " ") + String.join(", ", values)));
        return String.join("; ", parts);
    }
}
