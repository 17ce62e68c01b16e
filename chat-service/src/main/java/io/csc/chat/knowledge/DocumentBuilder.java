package io.csc.chat.knowledge;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import io.csc.model.commerce.ProductSummary;

/**
 * Turns what the store publishes into documents and passages: pages and posts split by heading; products and their
 * categories (names and descriptions, never price or stock: those are live facts the product tools read); and the
 * store's settings written out as sentences a shopper would ask about (where it ships and for how much, how to pay,
 * where the store is, which currency).
 */
public final class DocumentBuilder {
    static final String FORMAT = "v1:";
    private final int maxPassageChars;

    public DocumentBuilder(int maxPassageChars) {
        this.maxPassageChars = maxPassageChars;
    }

    /** {@code kind}: "page" or "post". */
    public KnowledgeDocument page(ContentPage page, String kind) {
        String title = HtmlText.plain(page.title());
        if (title.isEmpty()) {
            title = page.slug() == null ? "Page " + page.id() : page.slug();
        }
        List<KnowledgeDocument.Passage> passages = new ArrayList<>();
        for (HtmlText.Section section : HtmlText.sections(page.html())) {
            for (String chunk : chunks(section.paragraphs())) {
                passages.add(new KnowledgeDocument.Passage(section.heading(), chunk));
            }
        }
        // modified_gmt decides "changed"; the prefix changes when this splitting does, so old passages are redone
        String version = FORMAT + (page.modifiedGmt() == null ? hash(page.html()) : page.modifiedGmt());
        return new KnowledgeDocument(kind + ":" + page.id(), kind, page.link(), title, version, passages);
    }

    public List<KnowledgeDocument> products(List<ProductSummary> products, String storeUrl) {
        List<KnowledgeDocument> docs = new ArrayList<>();
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        for (ProductSummary p : products) {
            String name = HtmlText.plain(p.name());
            List<String> categories = p.categories() == null
                    ? List.of()
                    : p.categories().stream().map(HtmlText::plain).filter(c -> !c.isEmpty()).toList();
            categories.forEach(c -> byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(name));
            StringBuilder body = new StringBuilder(name);
            if (!categories.isEmpty()) {
                body.append(" (").append(String.join(", ", categories)).append(")");
            }
            String description = HtmlText.plain(p.shortDescription());
            if (!description.isEmpty() && !description.equalsIgnoreCase(name + ".")) {
                body.append(". ").append(description);
            } else {
                body.append(".");
            }
            String text = body.toString();
            docs.add(new KnowledgeDocument("product:" + p.id(), "product", p.permalink(), name, hash(text),
                    List.of(new KnowledgeDocument.Passage("Product", text))));
        }
        byCategory.forEach((category, names) -> {
            String text = "We sell " + category + ": " + String.join(", ", names) + ".";
            docs.add(new KnowledgeDocument("category:" + slug(category), "category", storeUrl, category, hash(text),
                    List.of(new KnowledgeDocument.Passage("Product category", text))));
        });
        return docs;
    }

    /** The settings written out as passages; each becomes a document of its own so a change touches only it. */
    public List<KnowledgeDocument> profile(StoreProfile profile, String storeUrl, String shippingUrl) {
        List<KnowledgeDocument> docs = new ArrayList<>();
        String currency = profile.currency();
        List<KnowledgeDocument.Passage> shipping = new ArrayList<>();
        List<String> served = new ArrayList<>();
        boolean restOfWorld = false;
        for (StoreProfile.ShippingZone zone : nullSafe(profile.shippingZones())) {
            List<String> methods = nullSafe(zone.methods()).stream().filter(StoreProfile.ShippingMethod::enabled)
                    .map(m -> method(m, currency))
                    .filter(Objects::nonNull).toList();
            List<String> places = nullSafe(zone.locations()).stream().map(DocumentBuilder::place).toList();
            if (zone.id() == 0 || places.isEmpty()) {
                restOfWorld = !methods.isEmpty();
                if (restOfWorld) {
                    shipping.add(new KnowledgeDocument.Passage("Shipping to other countries",
                            "We ship to all other countries: " + String.join("; ", methods) + "."));
                }
                continue;
            }
            if (methods.isEmpty()) {
                continue;
            }
            served.addAll(places);
            shipping.add(new KnowledgeDocument.Passage("Shipping to " + zone.name(), "We ship to " + zone.name()
                    + " (" + String.join(", ", places) + "). Shipping options: " + String.join("; ", methods) + "."));
        }
        if (!served.isEmpty() && !restOfWorld) {
            shipping.add(new KnowledgeDocument.Passage("Countries we ship to", "We ship only to these countries: "
                    + String.join(", ", served) + ". We do not ship to other countries."));
        }
        if (!shipping.isEmpty()) {
            docs.add(generated("store:shipping", shippingUrl, "Shipping zones and rates", shipping));
        }
        List<String> payments = nullSafe(profile.paymentMethods()).stream().map(HtmlText::plain)
                .filter(t -> !t.isEmpty()).toList();
        if (!payments.isEmpty()) {
            List<KnowledgeDocument.Passage> payment = new ArrayList<>();
            payment.add(new KnowledgeDocument.Passage("Payment methods",
                    "We accept these payment methods at checkout: " + String.join(", ", payments) + "."));
            // one passage per method, so "can I pay by ..." finds its own answer
            payments.forEach(t -> payment.add(new KnowledgeDocument.Passage(t, "You can pay by " + t + " at checkout.")));
            docs.add(generated("store:payment", storeUrl, "Payment methods", payment));
        }
        List<KnowledgeDocument.Passage> store = new ArrayList<>();
        StoreProfile.Address a = profile.address();
        if (a != null && a.city() != null && !a.city().isBlank()) {
            String line = join(", ", a.address1(), a.address2(), a.city(),
                    join(" ", a.state(), a.postcode()), country(a.country()));
            store.add(new KnowledgeDocument.Passage("Store address", "Where we are located: our store address is "
                    + line + "."));
        }
        if (currency != null && !currency.isBlank()) {
            store.add(new KnowledgeDocument.Passage("Currency", "Prices are shown and charged in "
                    + currencyName(currency) + " (" + currency.toUpperCase(Locale.ROOT) + ")."));
        }
        if (!store.isEmpty()) {
            docs.add(generated("store:general", storeUrl, "Store information", store));
        }
        return docs;
    }

    private KnowledgeDocument generated(String key, String url, String title, List<KnowledgeDocument.Passage> passages) {
        String version = hash(passages.stream().map(p -> p.heading() + "\n" + p.body()).collect(Collectors.joining("\n")));
        return new KnowledgeDocument(key, "store", url, title, version, List.copyOf(passages));
    }

    /** Paragraphs joined up to the passage size; a single longer paragraph is cut at sentence ends. */
    List<String> chunks(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String paragraph : paragraphs) {
            for (String piece : split(paragraph)) {
                if (current.length() > 0 && current.length() + 1 + piece.length() > maxPassageChars) {
                    out.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) {
                    current.append(' ');
                }
                current.append(piece);
            }
        }
        if (current.length() > 0) {
            out.add(current.toString());
        }
        return out;
    }

    private List<String> split(String paragraph) {
        if (paragraph.length() <= maxPassageChars) {
            return List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?])\\s+")) {
            if (current.length() > 0 && current.length() + 1 + sentence.length() > maxPassageChars) {
                pieces.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(sentence.length() > maxPassageChars ? sentence.substring(0, maxPassageChars) : sentence);
        }
        if (current.length() > 0) {
            pieces.add(current.toString());
        }
        return pieces;
    }

    private static String method(StoreProfile.ShippingMethod m, String currency) {
        String title = HtmlText.plain(m.title());
        if ("free_shipping".equals(m.methodId())) {
            return m.minAmount() == null || m.minAmount().isBlank()
                    ? title + " (free)"
                    : title + " on orders of " + money(m.minAmount(), currency) + " or more";
        }
        if ("local_pickup".equals(m.methodId()) || "pickup_location".equals(m.methodId())) {
            return title + " (collect your order from us)";
        }
        return m.cost() == null || m.cost().isBlank() ? title : title + " " + money(m.cost(), currency);
    }

    static String money(String amount, String currency) {
        String value = amount.trim();
        try {
            value = new BigDecimal(value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
        } catch (NumberFormatException e) {
            // a formula such as "10.00 * [qty]": shown as the store wrote it
        }
        if (currency == null || currency.isBlank()) {
            return value;
        }
        try {
            String symbol = Currency.getInstance(currency.toUpperCase(Locale.ROOT)).getSymbol(Locale.US);
            return symbol.length() == 1 ? symbol + value : value + " " + currency.toUpperCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return value + " " + currency;
        }
    }

    private static String currencyName(String code) {
        try {
            return Currency.getInstance(code.toUpperCase(Locale.ROOT)).getDisplayName(Locale.ENGLISH);
        } catch (IllegalArgumentException e) {
            return code;
        }
    }

    /** "US" -> "United States", "US:ME" -> "Maine, United States" would need a state table: the country is kept. */
    static String place(String location) {
        String code = location.contains(":") ? location.substring(0, location.indexOf(':')) : location;
        return country(code);
    }

    static String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String c = code.contains(":") ? code.substring(0, code.indexOf(':')) : code;
        String name = new Locale("", c.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.ENGLISH);
        return name.isBlank() ? c : name;
    }

    private static String join(String sep, String... parts) {
        List<String> kept = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                kept.add(p.trim());
            }
        }
        return String.join(sep, kept);
    }

    private static String slug(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest((text == null ? "" : text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
