package io.csc.chat.grounding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order facts (order numbers, statuses, dates, totals, tracking numbers, street addresses) in free text and
 * normalizes them, so that a model's wording and a tool's data compare equal: "#1234" and "order 1234", "Nov 20, 2026"
 * and "2026-11-20T09:15:00", "$1,234.5" and "1234.50", "canceled" and "cancelled".
 * <p>
 * Statuses, dates and totals count only in sentences about an order (they also appear in product answers: prices,
 * "processing time"), and statuses not in sentences about what will or could happen ("order 12 will be cancelled once
 * you confirm" states no status).
 */
public final class FactExtractor {
    private static final Pattern SENTENCE = Pattern.compile("(?:[^.!?\\n]|[.!?](?![\\s.!?]|$))+(?:[.!?]+|\\n|$)");
    private static final Pattern ORDER_CONTEXT = Pattern.compile(
            "(?i)\\b(orders?|package|parcel|shipment|delivery|delivered|tracking|placed|shipped|refund(?:ed)?|purchase)\\b|#\\d");
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "(?i)\\b(will|would|once|if|can|could|should|may|might|want|wish|like|confirm\\w*|to be|request\\w*)\\b|\\?");

    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "(?i)\\border(?:s)?\\s*(?:number|no\\.?|nr\\.?|id)?\\s*(?:is\\s*)?[:#]?\\s*#?\\s*(\\d{1,12})\\b|#\\s?(\\d{1,12})\\b");
    private static final Pattern STATUS = Pattern.compile(
            "(?i)\\b(pending(?:\\s+payment)?|processing|on[-\\s]hold|completed?|cancell?ed|refunded|failed|shipped|dispatched"
                    + "|delivered|in\\s+transit|out\\s+for\\s+delivery|checkout[-\\s]draft)\\b");
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?i)\\b(" + MONTHS + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS + ")\\.?(?:,?\\s+(\\d{4}))?\\b");
    private static final Pattern SLASH_DATE = Pattern.compile("\\b(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})\\b");
    private static final Pattern MONEY = Pattern.compile(
            "(?i)(?:[$€£]|\\b(?:usd|eur|gbp|cad|aud|chf)\\b)\\s?(\\d[\\d.,]*)|(\\d[\\d.,]*)\\s?(?:[$€£]|\\b(?:usd|eur|gbp|cad|aud|chf)\\b)");
    private static final Pattern TRACKING = Pattern.compile(
            "(?i)\\btracking(?:\\s+(?:number|no\\.?|code|id))?(?:\\s+is)?\\s*[:#]?\\s*([A-Z0-9][A-Z0-9-]{5,39})\\b");
    private static final Pattern STREET = Pattern.compile(
            "(?i)\\b\\d{1,6}[a-z]?\\s+(?:[\\p{L}'.-]+\\s+){0,4}?(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd"
                    + "|way|court|ct|place|pl|terrace|close|crescent|square|sq|strasse|straße|highway|hwy|parkway|pkwy)\\b\\.?");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d[\\d.,]*\\d|\\d");
    private static final Map<String, String> STREET_WORDS = Map.ofEntries(Map.entry("street", "st"),
            Map.entry("avenue", "ave"), Map.entry("road", "rd"), Map.entry("lane", "ln"), Map.entry("drive", "dr"),
            Map.entry("boulevard", "blvd"), Map.entry("court", "ct"), Map.entry("place", "pl"), Map.entry("square", "sq"),
            Map.entry("straße", "strasse"), Map.entry("highway", "hwy"), Map.entry("parkway", "pkwy"));

    private FactExtractor() {
    }

    /** The order facts a reply states (what must be grounded). */
    public static List<Claim> claims(String text) {
        List<Claim> claims = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return claims;
        }
        Matcher sentences = SENTENCE.matcher(text);
        while (sentences.find()) {
            String sentence = sentences.group();
            boolean aboutOrder = ORDER_CONTEXT.matcher(sentence).find();
            orderNumbers(sentence, claims);
            tracking(sentence, claims);
            addresses(sentence, claims);
            if (aboutOrder) {
                if (!HYPOTHETICAL.matcher(sentence).find()) {
                    statuses(sentence, claims);
                }
                dates(sentence, claims);
                totals(sentence, claims);
            }
        }
        return claims;
    }

    /** Everything a tool's text could ground: the same patterns, with no sentence rules (data is not prose). */
    public static Set<String> evidence(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        List<Claim> found = new ArrayList<>();
        orderNumbers(text, found);
        tracking(text, found);
        addresses(text, found);
        statuses(text, found);
        dates(text, found);
        totals(text, found);
        found.forEach(c -> keys.addAll(c.keys()));
        // a tool may write an amount or an order number bare ("Total: 45.00", "Order 1234"): any number it wrote counts
        Matcher n = BARE_NUMBER.matcher(text);
        while (n.find()) {
            String amount = normalizeAmount(n.group());
            if (amount != null) {
                keys.add(Claim.key("total", amount));
            }
            if (n.group().matches("\\d{1,12}")) {
                keys.add(Claim.key("order_number", stripZeros(n.group())));
            }
        }
        return expand(keys);
    }

    /**
     * What else a known fact grounds: a full date grounds the same day written without its year, and "completed"
     * grounds "shipped" (WooCommerce has no shipped status: a store completes an order when it ships it).
     */
    public static Set<String> expand(Set<String> keys) {
        Set<String> all = new LinkedHashSet<>(keys);
        for (String k : keys) {
            if (k.startsWith("date:") && k.length() == "date:yyyy-MM-dd".length()) {
                all.add("date:" + k.substring("date:yyyy-".length()));
            }
            if (k.equals("status:completed")) {
                all.add("status:shipped");
            }
        }
        return all;
    }

    /** The keys of one structured fact (kind order_number|status|date|total|tracking|address). */
    public static Set<String> evidence(String kind, String value) {
        Set<String> keys = new LinkedHashSet<>();
        if (kind == null || value == null || value.isBlank()) {
            return keys;
        }
        String v = value.trim();
        switch (kind) {
            case "order_number" -> {
                String digits = v.replaceAll("\\D", "");
                if (!digits.isEmpty()) {
                    keys.add(Claim.key("order_number", stripZeros(digits)));
                }
            }
            case "status" -> {
                keys.add(Claim.key("status", normalizeStatus(v)));
            }
            case "tracking" -> keys.add(Claim.key("tracking", normalizeTracking(v)));
            case "total" -> {
                String amount = normalizeAmount(v.replaceAll("[^\\d.,]", ""));
                if (amount != null) {
                    keys.add(Claim.key("total", amount));
                }
            }
            case "date" -> {
                List<Claim> found = new ArrayList<>();
                dates(v, found);
                found.forEach(c -> keys.addAll(c.keys()));
            }
            case "address" -> {
                List<Claim> found = new ArrayList<>();
                addresses(v, found);
                found.forEach(c -> keys.addAll(c.keys()));
            }
            default -> {
            }
        }
        return expand(keys);
    }

    private static void orderNumbers(String s, List<Claim> out) {
        Matcher m = ORDER_NUMBER.matcher(s);
        while (m.find()) {
            String digits = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(Claim.of("order_number", m.group().trim(), stripZeros(digits)));
        }
    }

    private static void statuses(String s, List<Claim> out) {
        Matcher m = STATUS.matcher(s);
        while (m.find()) {
            out.add(Claim.of("status", m.group(), normalizeStatus(m.group())));
        }
    }

    static String normalizeStatus(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("^wc-", "").replaceAll("[-_\\s]+", " ").trim();
        return switch (s) {
            case "canceled", "cancelled" -> "cancelled";
            case "complete", "completed" -> "completed";
            case "pending payment", "pending" -> "pending";
            case "dispatched", "shipped" -> "shipped";
            case "in transit", "out for delivery" -> "in transit";
            default -> s;
        };
    }

    private static void dates(String s, List<Claim> out) {
        Matcher iso = ISO_DATE.matcher(s);
        while (iso.find()) {
            date(out, iso.group(), iso.group(1), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
        }
        Matcher md = MONTH_DAY.matcher(s);
        while (md.find()) {
            date(out, md.group(), md.group(3), month(md.group(1)), Integer.parseInt(md.group(2)));
        }
        Matcher dm = DAY_MONTH.matcher(s);
        while (dm.find()) {
            date(out, dm.group(), dm.group(3), month(dm.group(2)), Integer.parseInt(dm.group(1)));
        }
        Matcher slash = SLASH_DATE.matcher(s);
        while (slash.find()) {
            int a = Integer.parseInt(slash.group(1));
            int b = Integer.parseInt(slash.group(2));
            Set<String> keys = new LinkedHashSet<>();
            // 03/04/2026 is March 4 in the US and 3 April elsewhere: either reading grounds it
            addDate(keys, slash.group(3), a, b);
            addDate(keys, slash.group(3), b, a);
            if (!keys.isEmpty()) {
                out.add(new Claim("date", slash.group(), keys));
            }
        }
    }

    private static void date(List<Claim> out, String raw, String year, int month, int day) {
        Set<String> keys = new LinkedHashSet<>();
        addDate(keys, year, month, day);
        if (!keys.isEmpty()) {
            out.add(new Claim("date", raw, keys));
        }
    }

    private static void addDate(Set<String> keys, String year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return;
        }
        String monthDay = String.format(Locale.ROOT, "%02d-%02d", month, day);
        // a full date grounds a reply that leaves the year out; a reply's yearless date needs any year to match
        keys.add(Claim.key("date", year == null ? monthDay : year + "-" + monthDay));
    }

    private static int month(String name) {
        String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
        return List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec").indexOf(m) + 1;
    }

    private static void totals(String s, List<Claim> out) {
        Matcher m = MONEY.matcher(s);
        while (m.find()) {
            String amount = normalizeAmount(m.group(1) != null ? m.group(1) : m.group(2));
            if (amount != null) {
                out.add(Claim.of("total", m.group().trim(), amount));
            }
        }
    }

    /** "1,234.5", "1.234,50", "12,5" and "1234.50" all become "1234.50". */
    static String normalizeAmount(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("[.,]+$", "");
        if (s.isEmpty()) {
            return null;
        }
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        int sep = Math.max(lastDot, lastComma);
        String integer = s;
        String fraction = "";
        if (sep >= 0 && s.length() - sep - 1 <= 2) {
            integer = s.substring(0, sep);
            fraction = s.substring(sep + 1);
        }
        integer = integer.replaceAll("[.,]", "");
        if (integer.isEmpty()) {
            integer = "0";
        }
        try {
            return new BigDecimal(integer + (fraction.isEmpty() ? "" : "." + fraction)).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void tracking(String s, List<Claim> out) {
        Matcher m = TRACKING.matcher(s);
        while (m.find()) {
            String value = m.group(1);
            // "tracking information" is a word, not a tracking number: a number has digits
            if (value.chars().anyMatch(Character::isDigit)) {
                out.add(Claim.of("tracking", m.group().trim(), normalizeTracking(value)));
            }
        }
    }

    static String normalizeTracking(String raw) {
        return raw.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    private static void addresses(String s, List<Claim> out) {
        Matcher m = STREET.matcher(s);
        while (m.find()) {
            out.add(Claim.of("address", m.group().trim(), normalizeStreet(m.group())));
        }
    }

    static String normalizeStreet(String raw) {
        StringBuilder sb = new StringBuilder();
        for (String word : raw.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\d]+", " ").trim().split(" ")) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(STREET_WORDS.getOrDefault(word, word));
        }
        return sb.toString();
    }

    private static String stripZeros(String digits) {
        String s = digits.replaceFirst("^0+(?=\\d)", "");
        return s;
    }
}
