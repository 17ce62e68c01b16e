package io.csc.chat.conversation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data out of a message before it is stored or handed to a model's memory: emails, card-like numbers,
 * phone numbers, street addresses and one-time codes, each replaced by a marker ({@code [email]}, ...). Order numbers
 * stay: the conversation needs them, and alone they identify no one.
 */
public final class Redactor {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** 13 to 19 digits, optionally grouped by spaces or dashes: the shape of a payment card number. */
    private static final Pattern CARD = Pattern.compile("(?<![\\d])\\d(?:[ -]?\\d){12,18}(?![\\d])");
    /** An optional +, then at least 8 digits with spaces, dots, dashes or brackets between them. */
    private static final Pattern PHONE = Pattern
            .compile("(?<![\\w#])(?!\\d{4}-\\d{2}-\\d{2}(?!\\d))(?:\\+|00)?\\(?\\d(?:[ ().-]{0,2}\\d){7,14}(?![\\d])");
    private static final String STREET_WORDS = "street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|court|ct|way|place|pl"
            + "|terrace|close|crescent|square|sq|highway|hwy|parkway|pkwy|alley|row|walk";
    /** "123 Main Street", "12b Elm Rd.", "4 Rue de la Paix" (number first, then a street word). */
    private static final Pattern ADDRESS_EN = Pattern.compile("(?i)\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'.-]+\\s+){0,4}(?:"
            + STREET_WORDS
            + ")\\b\\.?|\\b\\d{1,5}[a-z]?,?\\s+(?:rue|avenue|boulevard|calle|via|place)\\s+[\\p{L}' -]{2,40}?(?=[,.\\n]|$)");
    /** "Hauptstraße 5", "Kerkstraat 12a", "Via Roma 3" (street first, then the number). */
    private static final Pattern ADDRESS_EU = Pattern
            .compile("(?i)\\b[\\p{L}-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan"
                    + "|straat|gracht|vej|gatan|gata)\\s+\\d{1,5}[a-z]?\\b|\\b(?:via|calle|rue|avenida)\\s+[\\p{L}' ]{2,30}?\\s+\\d{1,5}[a-z]?\\b");
    /** Exactly six digits standing alone: a one-time code (unless the words before make it an order number). */
    private static final Pattern CODE = Pattern.compile("(?<![\\d#])\\d{3}[ -]?\\d{3}(?![\\d])");
    private static final Pattern ORDER_BEFORE = Pattern
            .compile("(?i)(?:order|ord|bestellung|commande|pedido)\\s*(?:number|no\\.?|nr\\.?|n°|#)?\\s*:?\\s*$");

    private static final List<Pattern> IN_ORDER = List.of(EMAIL, CARD, PHONE, ADDRESS_EU, ADDRESS_EN);
    private static final List<String> MARKERS = List.of("[email]", "[card]", "[phone]", "[address]", "[address]");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean at = text.indexOf('@') >= 0;
        boolean digit = hasDigit(text);
        if (!at && !digit) {
            return text; // every pattern needs an @ (email) or a digit (the rest): most chat messages have neither
        }
        String out = text;
        for (int i = at ? 0 : 1; i < (digit ? IN_ORDER.size() : 1); i++) {
            out = IN_ORDER.get(i).matcher(out).replaceAll(Matcher.quoteReplacement(MARKERS.get(i)));
        }
        return digit ? redactCodes(out) : out;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String redactCodes(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String before = text.substring(Math.max(0, m.start() - 30), m.start()).toLowerCase(Locale.ROOT);
            boolean orderNumber = ORDER_BEFORE.matcher(before).find();
            m.appendReplacement(sb, orderNumber ? Matcher.quoteReplacement(m.group()) : "[code]");
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
