package io.csc.chat.conversation;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes personal data out of a message before it is stored, mailed or handed to a model's memory: emails (also
 * internationalised and URL-encoded ones), IBANs, card-like numbers, phone numbers, street addresses and one-time codes,
 * each replaced as a whole by a marker ({@code [email]}, {@code [iban]}, ...).
 * <p>
 * What the conversation needs and identifies no one stays: dates and times, order numbers ({@code #48},
 * {@code order 48}), prices and quantities. They are found first and the number-shaped patterns never look inside
 * them, so {@code #48 06.12.2026} cannot become {@code #48 [phone]}. Emails are taken out before that, on the whole
 * text, because an address may itself contain a date or a number ({@code 2026-12-06@example.com}).
 */
public final class Redactor {
    /** Characters of an email's local part: letters and digits of any script plus the usual atext symbols. */
    private static final String LOCAL_CHAR = "[\\p{L}\\p{M}\\p{N}._%+\\-'!#$*^`{|}~]";
    /** Starts only where a run of local-part characters starts: the whole address goes, and no quadratic rescans. */
    private static final String LOCAL = "(?<!" + LOCAL_CHAR + ")" + LOCAL_CHAR + "+";
    /** A domain label of any script; {@code %} for percent-encoded internationalised labels. */
    private static final String LABEL = "[\\p{L}\\p{M}\\p{N}%\\-]+";
    /**
     * The {@code @} as typed, full-width, or URL-encoded once or twice ({@code alice%40example.com},
     * {@code alice%2540example.com}).
     */
    private static final String AT = "(?:@|\uFF20|%40|%2540)";
    /** The last label needs a letter, so that {@code 2@49.99} stays a quantity and a price. */
    private static final Pattern EMAIL = Pattern.compile("(?i)" + LOCAL + AT + "(?:" + LABEL + "(?:\\." + LABEL
            + ")*\\.(?=[\\p{N}%\\-]*\\p{L})" + LABEL + "|\\[[0-9a-f:.]+\\])");

    /** A month's name or its abbreviation in English, German, Spanish or French, as a whole word. */
    private static final String MONTH = "\\b(?:septiembre|diciembre|noviembre|september|septembre|setiembre|december|decembre"
            + "|dezember|décembre|february|november|novembre|febrero|februar|fevrier|février"
            + "|january|janvier|juillet|october|octobre|octubre|oktober|agosto|august|januar"
            + "|jänner|abril|april|avril|enero|julio|junio|maerz|march|marzo|aout|août|febr|fevr"
            + "|févr|janv|juil|juin|juli|july|june|juni|mars|mayo|märz|sept|abr|ago|apr|aug|avr"
            + "|dec|dez|dic|déc|ene|feb|jan|jul|jun|mai|mar|may|mrz|mär|nov|oct|okt|sep|set"
            + ")\\.?(?![\\p{L}\\p{N}])";

    /**
     * What is kept as typed: dates (ISO, day.month.year, month/day/year), times, order numbers and prices. A date of
     * numbers only counts as one when its day and month are plausible (see {@link #isDate}), so a code typed as
     * {@code 12.34.56} is still a code. A date with a month's name ({@code 6 Dec 2026}, {@code 6. Dezember},
     * {@code Dec 6th, 2026}) is kept too: alone it has too few digits for any pattern, but its day next to a code typed
     * with spaces ({@code 378 952 21 Dec}) would otherwise be read as part of a phone number.
     */
    private static final Pattern KEEP = Pattern.compile("(?i)"
            // 2026-12-06, 2026-12-06T14:30:00Z
            + "(?<![\\p{N}.:/-])(?<iso>\\d{4}-\\d{1,2}-\\d{1,2})(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?"
            + "(?:Z|[+-]\\d{2}:?\\d{2})?)?(?![\\p{N}]|[./-]\\p{N})"
            // 06.12.2026, 12/06/2026, 6-12-26
            + "|(?<![\\p{N}.:/-])(?<dmy>\\d{1,2}(?<sep>[./-])\\d{1,2}\\k<sep>(?:\\d{4}|\\d{2}))\\.?(?![\\p{N}]|[./-]\\p{N})"
            // 6 Dec 2026, 6. Dezember, 6 de diciembre de 2026, Dec 6th, 2026 (en, de, es, fr month names)
            + "|(?<![\\p{N}.,:/-])\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+(?:de\\s+)?" + MONTH
            + "(?:\\s+(?:de\\s+)?\\d{4})?(?![\\p{N}])"
            + "|" + MONTH + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?(?![\\p{N}])"
            // 14:30, 2:30 pm, 14:30:15
            + "|(?<![\\p{N}:])\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s?[ap]\\.?m\\b\\.?)?(?![\\p{N}])"
            // #48, order 48, order number 123456, Bestellung Nr. 12
            + "|#\\s?\\d+\\b|\\b(?:order|ord|bestellung|commande|pedido)\\s*(?:number|no\\.?|nr\\.?|n°|#)?\\s*:?\\s*\\d+\\b"
            // $49.99, € 1.299,00, 49,99 €, 12 EUR, USD 5
            + "|(?:[$€£¥]|\\b(?:usd|eur|gbp|chf|cad|aud)\\b)\\s?\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{1,2})?(?![\\p{N}])"
            + "|(?<![\\p{N}.,])\\d{1,3}(?:[.,' ]\\d{3})*(?:[.,]\\d{1,2})?\\s?(?:[$€£¥]|(?:usd|eur|gbp|chf|cad|aud)\\b)");

    /**
     * An IBAN: country, check digits, then the account compact or in groups of four; accepted only with at least eight
     * digits in the account part (see {@link #redactIbans}) so that a country code before a few words is not taken.
     * Only the first group (a bank code such as {@code WEST}) may be letters alone: a word after the IBAN is not a group.
     */
    private static final String WITH_DIGIT = "(?=[a-z]{0,3}\\d)";
    private static final Pattern IBAN = Pattern
            .compile("(?i)(?<![\\p{L}\\p{N}])[a-z]{2}\\d{2}(?:[a-z0-9]{11,30}|[ -][a-z0-9]{4}"
                    + "(?:[ -]" + WITH_DIGIT + "[a-z0-9]{4}){1,6}(?:[ -]" + WITH_DIGIT + "[a-z0-9]{1,4})?)(?![\\p{L}\\p{N}])");
    /** 13 to 19 digits, optionally grouped by spaces or dashes: a payment card number (never starts with 0). */
    private static final Pattern CARD = Pattern.compile("(?<![\\p{N}+])[1-9](?:[ -]?\\d){12,18}(?![\\p{N}])");
    /**
     * An optional + or 00, then at least 8 digits with spaces, dots, dashes or brackets between them. Not glued to a
     * word or a SKU ({@code HD-1234-5678}).
     */
    private static final Pattern PHONE = Pattern
            .compile("(?<![\\p{L}\\p{N}_#/-])(?:\\+\\s?|00)?\\(?\\d(?:[ ().-]{0,2}\\d){7,14}(?![\\p{N}])");
    /**
     * Street words; those that are everyday words too ("2 hoodies on the way", "in place") count only capitalised, as in
     * an address ({@code 12 Abbey Lane}).
     */
    private static final String STREET_WORDS = "street|st|avenue|ave|road|rd|boulevard|blvd|ln|dr|ct|pl|sq|highway|hwy"
            + "|parkway|pkwy|alley|(?-i:Lane|Drive|Court|Way|Place|Terrace|Close|Crescent|Square|Row|Walk)";
    /** "123 Main Street", "12b Elm Rd.", "4 Rue de la Paix" (number first, then a street word). */
    private static final Pattern ADDRESS_EN = Pattern.compile("(?i)\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{L}'.-]+\\s+){0,4}(?:"
            + STREET_WORDS
            + ")\\b\\.?|\\b\\d{1,5}[a-z]?,?\\s+(?:rue|avenue|boulevard|calle|via|place)\\s+[\\p{L}' -]{2,40}?(?=[,.\\n]|$)");
    /** "Hauptstraße 5", "Kerkstraat 12a", "Via Roma 3" (street first, then the number). */
    private static final Pattern ADDRESS_EU = Pattern
            .compile("(?i)\\b[\\p{L}-]*(?:straße|strasse|str\\.|weg|gasse|platz|allee|laan"
                    + "|straat|gracht|vej|gatan|gata)\\s+\\d{1,5}[a-z]?\\b|\\b(?:via|calle|rue|avenida)\\s+[\\p{L}' ]{2,30}?\\s+\\d{1,5}[a-z]?\\b");
    /**
     * Six digits standing alone, as typed from a mail: together or with one space, dot or dash between any of them
     * ({@code 123456}, {@code 123 456}, {@code 12.34.56}, {@code 1-2-3-4-5-6}).
     */
    private static final Pattern CODE = Pattern
            .compile("(?<![\\p{L}\\p{N}_#.,-])\\d(?:[ .-]?\\d){5}(?![\\p{L}\\p{N}]|[.,-]\\p{N})");

    private static final List<Pattern> IN_ORDER = List.of(CARD, PHONE, ADDRESS_EU, ADDRESS_EN, CODE);
    private static final List<String> MARKERS = List.of("[card]", "[phone]", "[address]", "[address]", "[code]");

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        boolean at = false;
        boolean digit = false;
        for (int i = 0; i < text.length() && !(at && digit); i++) {
            char c = text.charAt(i);
            at |= c == '@' || c == '\uFF20' || c == '%';
            digit |= Character.isDigit(c);
        }
        // Every pattern needs an @ (or the % of a URL-encoded one) or a digit: most chat messages have neither.
        if (!at && !digit) {
            return text;
        }
        String out = at ? EMAIL.matcher(text).replaceAll("[email]") : text;
        return digit ? redactNumbers(out) : out;
    }

    /** Redacts the number-shaped data in the stretches between the dates, times, order numbers and prices. */
    private static String redactNumbers(String text) {
        Matcher keep = KEEP.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        int from = 0;
        while (keep.find()) {
            if (isDate(keep)) {
                out.append(redactStretch(text.substring(from, keep.start()))).append(keep.group());
                from = keep.end();
            }
        }
        return out.append(redactStretch(text.substring(from))).toString();
    }

    /** A numeric date is kept only when it can be one; other kept shapes always are. */
    private static boolean isDate(Matcher keep) {
        String dmy = keep.group("dmy");
        if (dmy == null) {
            return true;
        }
        String[] parts = dmy.split("[./-]");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        boolean dayMonth = a >= 1 && a <= 31 && b >= 1 && b <= 12;
        boolean monthDay = a >= 1 && a <= 12 && b >= 1 && b <= 31;
        return dayMonth || monthDay;
    }

    private static String redactStretch(String text) {
        if (!hasDigit(text)) {
            return text;
        }
        String out = redactIbans(text);
        for (int i = 0; i < IN_ORDER.size(); i++) {
            out = IN_ORDER.get(i).matcher(out).replaceAll(Matcher.quoteReplacement(MARKERS.get(i)));
        }
        return out;
    }

    private static String redactIbans(String text) {
        Matcher m = IBAN.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            long digits = m.group().substring(4).chars().filter(Character::isDigit).count();
            m.appendReplacement(sb, digits >= 8 ? "[iban]" : Matcher.quoteReplacement(m.group()));
        }
        return m.appendTail(sb).toString();
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
