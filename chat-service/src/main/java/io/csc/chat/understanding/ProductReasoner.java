package io.csc.chat.understanding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.ProductSummary.ProductVariant;

/**
 * Answers product questions over the catalogue the assistant reads (the gateway's {@link ProductSummary} list, with
 * variations for variable products): matches sorted as asked, "we don't sell that" when nothing is of the named kind,
 * "out of stock" with in-stock alternatives of the same category when the named product is, a variation's own stock
 * ("blue, M: 23"), and restock questions answered as the store knows them (backorder: can be ordered, ships when back;
 * out of stock: no date known). Pure functions; the caller loads the products.
 */
public final class ProductReasoner {

    /** At most this many products in a list answer. */
    static final int MAX_LISTED = 5;

    private ProductReasoner() {
    }

    public static ProductAnswer answer(List<ProductSummary> catalogue, ProductQuery q) {
        List<Scored> scored = ofKind(catalogue, q);
        List<ProductSummary> kind = scored.stream().map(Scored::product).toList();
        if (kind.isEmpty()) {
            String asked = q.words().isEmpty() ? null : String.join(" ", q.words());
            if (asked != null || !q.categories().isEmpty()) {
                return new ProductAnswer(ProductAnswer.Kind.NOT_SOLD, List.of(), null, null,
                        asked != null ? asked : q.categories().get(0), null, List.of());
            }
            // no kind named: the whole catalogue is the set ("cheapest thing in the store")
            kind = catalogue;
        }
        ProductSummary single = single(scored, q);
        if (single != null) {
            if (!q.attributes().isEmpty() && single.variations() != null && !single.variations().isEmpty()) {
                return variation(single, q.attributes());
            }
            return stock(single, catalogue);
        }
        List<ProductSummary> fits = new ArrayList<>();
        for (ProductSummary p : kind) {
            Double price = price(p);
            if (q.onSale() && !p.onSale()) {
                continue;
            }
            if (q.minPrice() != null && (price == null || price < q.minPrice())) {
                continue;
            }
            if (q.maxPrice() != null && (price == null || price > q.maxPrice())) {
                continue;
            }
            if ((q.browsing() || q.need()) && "outofstock".equals(p.stockStatus())) {
                // a cheapest / on-sale / gift answer lists what can be bought
                continue;
            }
            fits.add(p);
        }
        if (fits.isEmpty()) {
            return new ProductAnswer(ProductAnswer.Kind.NONE_FITS, List.of(), null, null, null, null, List.of());
        }
        Comparator<ProductSummary> byPrice = Comparator.comparing(p -> price(p) == null ? Double.MAX_VALUE : price(p));
        if (q.sort() == ProductQuery.Sort.CHEAPEST) {
            fits.sort(byPrice);
        } else if (q.sort() == ProductQuery.Sort.DEAREST) {
            fits.sort(byPrice.reversed());
        } else {
            // in stock first, otherwise best match first
            fits.sort(Comparator.comparing(p -> "outofstock".equals(p.stockStatus()) ? 1 : 0));
        }
        return new ProductAnswer(ProductAnswer.Kind.MATCHES, List.copyOf(fits.subList(0, Math.min(MAX_LISTED,
                fits.size()))), null, null, null, null, List.of());
    }

    record Scored(ProductSummary product, int hits) {
    }

    /**
     * The products of the named kind, most matching words first: in the named category (words narrow it when they
     * match something there), else any product one of the words matches in name, category or description.
     */
    static List<Scored> ofKind(List<ProductSummary> catalogue, ProductQuery q) {
        if (q.categories().isEmpty() && q.words().isEmpty()) {
            return List.of();
        }
        List<Scored> out = new ArrayList<>();
        for (ProductSummary p : catalogue) {
            boolean inCategory = p.categories() != null
                    && p.categories().stream().anyMatch(c -> q.categories().contains(unescape(c)));
            String text = " " + plain(p.name() + " " + String.join(" ", p.categories() == null ? List.of() : p.categories())
                    + " " + (p.shortDescription() == null ? "" : p.shortDescription())) + " ";
            int hits = 0;
            for (String w : q.words()) {
                if (contains(text, w)) {
                    hits++;
                }
            }
            if (q.categories().isEmpty() ? hits > 0 : inCategory) {
                out.add(new Scored(p, hits));
            }
        }
        int best = out.stream().mapToInt(Scored::hits).max().orElse(0);
        if (!q.categories().isEmpty() && best > 0) {
            out.removeIf(s -> s.hits() == 0);
        }
        out.sort(Comparator.comparing(Scored::hits).reversed());
        return out;
    }

    /** The one product the question is about: the only match, or one that matches more of the words than any other. */
    private static ProductSummary single(List<Scored> scored, ProductQuery q) {
        if (q.need() || q.browsing() || scored.isEmpty() || q.words().isEmpty()) {
            return null;
        }
        if (scored.size() == 1) {
            return scored.get(0).product();
        }
        Scored top = scored.get(0);
        return top.hits() >= 2 && top.hits() > scored.get(1).hits() ? top.product() : null;
    }

    private static ProductAnswer stock(ProductSummary p, List<ProductSummary> catalogue) {
        String status = p.stockStatus() == null ? "" : p.stockStatus();
        if ("onbackorder".equals(status)) {
            return new ProductAnswer(ProductAnswer.Kind.BACKORDER, List.of(), p, null, null, null, List.of());
        }
        if ("outofstock".equals(status)) {
            List<ProductSummary> alternatives = new ArrayList<>();
            for (ProductSummary o : catalogue) {
                if (o.id() != p.id() && "instock".equals(o.stockStatus()) && sharesCategory(o, p)) {
                    alternatives.add(o);
                }
            }
            return new ProductAnswer(ProductAnswer.Kind.OUT_OF_STOCK,
                    List.copyOf(alternatives.subList(0, Math.min(MAX_LISTED, alternatives.size()))), p, null, null,
                    null, List.of());
        }
        return new ProductAnswer(ProductAnswer.Kind.IN_STOCK, List.of(p), p, null, null, null, List.of());
    }

    private static ProductAnswer variation(ProductSummary p, Map<String, String> wanted) {
        List<String> options = new ArrayList<>();
        ProductVariant found = null;
        for (ProductVariant v : p.variations()) {
            Map<String, String> attrs = attributes(v);
            options.add(String.join(", ", v.attributes()
                    .stream().map(a -> a.substring(a.indexOf(':') + 1).trim()).toList())
                    + (available(v) ? "" : " (" + v.stockStatus() + ")"));
            boolean all = true;
            for (Map.Entry<String, String> w : wanted.entrySet()) {
                String have = attrs.get(w.getKey());
                if (have == null || !have.equals(w.getValue())) {
                    all = false;
                }
            }
            if (all && found == null) {
                found = v;
            }
        }
        if (found == null) {
            List<String> inStock = new ArrayList<>();
            for (ProductVariant v : p.variations()) {
                if (available(v)) {
                    inStock.add(String.join(", ", v.attributes().stream()
                            .map(a -> a.substring(a.indexOf(':') + 1).trim()).toList()));
                }
            }
            return new ProductAnswer(ProductAnswer.Kind.VARIATION_NOT_OFFERED, List.of(), p, null, null,
                    String.join(", ", wanted.values()), inStock);
        }
        String asked = String.join(", ", found.attributes().stream().map(a -> a.substring(a.indexOf(':') + 1).trim())
                .toList());
        ProductAnswer.Kind kind = switch (found.stockStatus() == null ? "" : found.stockStatus()) {
            case "instock" -> ProductAnswer.Kind.VARIATION_IN_STOCK;
            case "onbackorder" -> ProductAnswer.Kind.VARIATION_BACKORDER;
            default -> ProductAnswer.Kind.VARIATION_OUT_OF_STOCK;
        };
        List<String> alternatives = new ArrayList<>();
        if (kind == ProductAnswer.Kind.VARIATION_OUT_OF_STOCK) {
            for (ProductVariant v : p.variations()) {
                if ("instock".equals(v.stockStatus())) {
                    alternatives.add(String.join(", ", v.attributes().stream()
                            .map(a -> a.substring(a.indexOf(':') + 1).trim()).toList()));
                }
            }
        }
        return new ProductAnswer(kind, List.of(), p, found, null, asked, alternatives);
    }

    private static boolean available(ProductVariant v) {
        return "instock".equals(v.stockStatus()) || "onbackorder".equals(v.stockStatus());
    }

    /** A variation's attributes as lower-case name -> value, names mapped to "color" and "size". */
    static Map<String, String> attributes(ProductVariant v) {
        Map<String, String> out = new HashMap<>();
        for (String a : v.attributes()) {
            int colon = a.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = plain(a.substring(0, colon)).trim();
            String value = plain(a.substring(colon + 1)).trim();
            if (name.contains("colo") || name.contains("farbe") || name.contains("couleur")) {
                name = "color";
            } else if (name.contains("size") || name.contains("gro") || name.contains("talla") || name.contains("taille")) {
                name = "size";
            }
            out.put(name, value);
        }
        return out;
    }

    /** Writes the answer in the shopper's language; prices as the store gives them, with its currency symbol. */
    public static String render(ProductAnswer a, Language lang, String currencySymbol) {
        String symbol = currencySymbol == null ? "" : currencySymbol;
        return render(a, lang, amount -> symbol + amount);
    }

    /** Writes the answer with prices in the store's own format ({@code PriceFormat::format}). */
    public static String render(ProductAnswer a, Language lang, java.util.function.UnaryOperator<String> currencySymbol) {
        Map<String, Object> v = new HashMap<>();
        if (a.product() != null) {
            v.put("product", a.product().name());
        }
        v.put("attributes", a.attributes());
        v.put("what", a.asked());
        StringBuilder b = new StringBuilder();
        switch (a.kind()) {
            case NOT_SOLD -> b.append(ReplyCatalog.text(lang, "product.not.sold", v));
            case NONE_FITS -> b.append(ReplyCatalog.text(lang, "reasoning.none"));
            case BACKORDER -> b.append(ReplyCatalog.text(lang, "restock.backorder", v));
            case OUT_OF_STOCK -> {
                b.append(ReplyCatalog.text(lang, a.products().isEmpty() ? "restock.unknown" : "product.out.alternatives",
                        v));
                lines(b, a.products(), lang, currencySymbol);
            }
            case IN_STOCK -> b.append(line(a.product(), lang, currencySymbol).substring(2));
            case VARIATION_IN_STOCK -> {
                Integer qty = a.variant().stockQuantity();
                v.put("quantity", qty);
                b.append(ReplyCatalog.text(lang, qty != null ? "variation.in.stock" : "variation.in.stock.plain", v));
            }
            case VARIATION_BACKORDER -> b.append(ReplyCatalog.text(lang, "variation.backorder", v));
            case VARIATION_OUT_OF_STOCK, VARIATION_NOT_OFFERED -> {
                b.append(ReplyCatalog.text(lang, a.kind() == ProductAnswer.Kind.VARIATION_NOT_OFFERED
                        ? "variation.not.offered"
                        : "variation.out", v));
                if (!a.options().isEmpty()) {
                    b.append(' ').append(ReplyCatalog.text(lang, "variation.others",
                            Map.of("options", String.join("; ", a.options()))));
                }
            }
            case MATCHES -> {
                b.append(ReplyCatalog.text(lang, "reasoning.matches"));
                lines(b, a.products(), lang, currencySymbol);
            }
        }
        return b.toString();
    }

    /** The lead for a sorted list ("The cheapest:"), for callers that know the query. */
    public static String lead(ProductQuery q, Language lang) {
        if (q.sort() == ProductQuery.Sort.CHEAPEST) {
            return ReplyCatalog.text(lang, "reasoning.cheapest");
        }
        if (q.sort() == ProductQuery.Sort.DEAREST) {
            return ReplyCatalog.text(lang, "reasoning.dearest");
        }
        return ReplyCatalog.text(lang, q.onSale() ? "reasoning.on.sale" : "reasoning.matches");
    }

    private static void lines(StringBuilder b, List<ProductSummary> ps, Language lang,
            java.util.function.UnaryOperator<String> currency) {
        for (ProductSummary p : ps) {
            b.append('\n').append(line(p, lang, currency));
        }
    }

    static String line(ProductSummary p, Language lang, String currency) {
        String symbol = currency == null ? "" : currency;
        return line(p, lang, amount -> symbol + amount);
    }

    static String line(ProductSummary p, Language lang, java.util.function.UnaryOperator<String> currency) {
        StringJoiner j = new StringJoiner(", ", "- " + p.name() + ": ", "");
        if (p.price() != null && !p.price().isBlank()) {
            String price = currency.apply(p.price());
            if (p.onSale() && p.regularPrice() != null && !p.regularPrice().isBlank()) {
                price += " (" + ReplyCatalog.text(lang, "sale.was",
                        Map.of("regular", currency.apply(p.regularPrice()))) + ")";
            }
            j.add(price);
        }
        String status = p.stockStatus() == null ? "" : p.stockStatus();
        j.add(switch (status) {
            case "instock" -> p.stockQuantity() != null
                    ? ReplyCatalog.text(lang, "stock.in.quantity", Map.of("quantity", p.stockQuantity()))
                    : ReplyCatalog.text(lang, "stock.in");
            case "outofstock" -> ReplyCatalog.text(lang, "stock.out");
            case "onbackorder" -> ReplyCatalog.text(lang, "stock.backorder");
            default -> ReplyCatalog.text(lang, "stock.unknown");
        });
        return j.toString();
    }

    private static boolean sharesCategory(ProductSummary a, ProductSummary b) {
        if (a.categories() == null || b.categories() == null) {
            return false;
        }
        return a.categories().stream().anyMatch(b.categories()::contains);
    }

    static Double price(ProductSummary p) {
        try {
            return p.price() == null || p.price().isBlank() ? null : Double.valueOf(p.price());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean contains(String text, String word) {
        String w = plain(word);
        if (text.contains(" " + w + " ") || text.contains(" " + w + "s ")) {
            return true;
        }
        // plurals and stems: "mugs" for "mug", "hoodies" for "hoodie", "books" for "book"
        String stem = w.endsWith("ies") ? w.substring(0, w.length() - 3) : w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
        return stem.length() >= 4 && text.contains(" " + stem);
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&");
    }

    static String plain(String s) {
        String n = Normalizer.normalize(unescape(s).toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return n.replaceAll("[^a-z0-9&]+", " ");
    }
}
