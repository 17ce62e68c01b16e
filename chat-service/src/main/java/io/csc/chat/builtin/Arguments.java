package io.csc.chat.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.csc.model.commerce.Address;

/**
 * The facts a message carries besides its intent: an email anywhere in the sentence, a 6-digit one-time code, an
 * order number ({@code #1234}, {@code 1234}, {@code order 1234}, {@code order no. 1234}) and a new address.
 *
 * @param email the first email in the message, lower case, or null
 * @param code a 6-digit code (spaces or a dash between two groups of three dropped), or null
 * @param explicitOrder an order number written as one ({@code #52}, {@code order 52}), or null
 * @param bareNumbers other numbers that may be an order number when the conversation is about orders
 * @param address a new address when the message holds one that parses, or null
 * @param textWithoutEmail the message with the email replaced, for the intent rules and the embedding
 */
public record Arguments(String email, String code, Long explicitOrder, List<Long> bareNumbers, Address address,
        String textWithoutEmail) {

    private static final Pattern EMAIL = Pattern
            .compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    private static final Pattern HASH_NUMBER = Pattern.compile("#\\s*(\\d{1,10})\\b");
    /** "order 52", "order no. 52", "order number: 52", "purchase #52", "ordr nr 52", "order id 52" */
    private static final Pattern ORDER_NUMBER = Pattern.compile(
            "\\b(?:orders?|ordr|oder|odrer|purchase)\\s*(?:(?:no|nr|num|number|id)\\b\\.?\\s*)?(?:is\\s+)?[:#]?\\s*(\\d{1,10})\\b");
    private static final Pattern CODE_SPLIT = Pattern.compile("(?<![\\d#])(\\d{3})[ -](\\d{3})(?![\\d])");
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![\\d#])(\\d{6})(?!\\d)");
    private static final Pattern NUMBER = Pattern
            .compile("(?<![\\w#$\u20ac\u00a3-]|\\d[.,])(\\d{1,10})(?![\\d%]|[.,]\\d)(\\s*[a-z]+)?");
    private static final Set<String> UNITS = Set.of("w", "tb", "gb", "mb", "k", "inch", "inches", "in", "cm", "mm", "x",
            "pcs", "pieces", "items", "item", "euros", "euro", "dollars", "usd", "eur", "gbp", "bucks", "days", "day",
            "weeks", "week", "hours", "hour", "minutes", "min", "mins", "percent", "st", "nd", "rd", "th", "am", "pm",
            "of", "oz", "ml", "l", "kg", "g");

    static final String EMAIL_PLACEHOLDER = "my email";

    /** Reads the arguments out of a shopper's message; {@code expecting} decides whether 6 digits are a code. */
    public static Arguments of(String message, Expectation expecting) {
        String email = null;
        Matcher em = EMAIL.matcher(message);
        if (em.find()) {
            email = em.group().toLowerCase(Locale.ROOT);
        }
        String rest = EMAIL.matcher(message).replaceAll(EMAIL_PLACEHOLDER);
        String lower = rest.toLowerCase(Locale.ROOT);

        Long explicitOrder = null;
        int explicitAt = -1;
        Matcher h = HASH_NUMBER.matcher(lower);
        if (h.find()) {
            explicitOrder = Long.parseLong(h.group(1));
            explicitAt = h.start(1);
        } else {
            Matcher o = ORDER_NUMBER.matcher(lower);
            if (o.find()) {
                explicitOrder = Long.parseLong(o.group(1));
                explicitAt = o.start(1);
            }
        }

        Address address = AddressParser.parse(rest);

        String code = null;
        boolean codeWord = lower.contains("code") || lower.contains("pin") || lower.contains("otp");
        boolean codeContext = expecting == Expectation.CODE || codeWord;
        Matcher six = SIX_DIGITS.matcher(lower);
        while (six.find()) {
            if (six.start(1) == explicitAt && !codeWord) {
                continue;
            }
            if (address != null && expecting != Expectation.CODE) {
                break;
            }
            if (codeContext || expecting != Expectation.ORDER_NUMBER) {
                code = six.group(1);
                break;
            }
        }
        if (code == null && codeContext) {
            Matcher split = CODE_SPLIT.matcher(lower);
            if (split.find()) {
                code = split.group(1) + split.group(2);
            }
        }
        if (code != null && explicitOrder != null && code.equals(String.valueOf(explicitOrder)) && !codeWord
                && expecting != Expectation.CODE) {
            code = null;
        }

        List<Long> bare = new ArrayList<>();
        if (address == null) {
            Matcher n = NUMBER.matcher(lower);
            while (n.find()) {
                String digits = n.group(1);
                String unit = n.group(2) == null ? null : n.group(2).trim();
                if (unit != null && UNITS.contains(unit)) {
                    continue;
                }
                if (n.start(1) == explicitAt || digits.equals(code)) {
                    continue;
                }
                bare.add(Long.parseLong(digits));
            }
        }
        return new Arguments(email, code, explicitOrder, List.copyOf(bare), address, rest);
    }

    /** The order number: the explicit one, else the only bare number. */
    public Long orderNumber(boolean acceptBare) {
        if (explicitOrder != null) {
            return explicitOrder;
        }
        if (acceptBare && bareNumbers.size() == 1) {
            return bareNumbers.get(0);
        }
        return null;
    }

    /** Parses a free-text address: street with a number, city, postcode and country, separated by commas. */
    static final class AddressParser {

        private static final Pattern UK_POSTCODE = Pattern.compile("\\b([A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2})\\b",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern CA_POSTCODE = Pattern.compile("\\b([A-Z]\\d[A-Z]\\s?\\d[A-Z]\\d)\\b",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern NUM_POSTCODE = Pattern.compile("\\b(\\d{4,5}(?:-\\d{4})?)\\b");
        private static final Pattern LEAD_IN = Pattern
                .compile("(?i)^.*?\\b(?:to|is|at|address|adress)\\s*:?\\s+(?=\\S*\\d|\\p{L}+\\s+\\d)");
        private static final Map<String, String> COUNTRIES = Map.ofEntries(Map.entry("united states", "US"),
                Map.entry("usa", "US"), Map.entry("america", "US"), Map.entry("united kingdom", "GB"),
                Map.entry("uk", "GB"), Map.entry("england", "GB"), Map.entry("scotland", "GB"),
                Map.entry("wales", "GB"), Map.entry("great britain", "GB"), Map.entry("germany", "DE"),
                Map.entry("deutschland", "DE"), Map.entry("france", "FR"), Map.entry("spain", "ES"),
                Map.entry("italy", "IT"), Map.entry("netherlands", "NL"), Map.entry("holland", "NL"),
                Map.entry("belgium", "BE"), Map.entry("austria", "AT"), Map.entry("switzerland", "CH"),
                Map.entry("ireland", "IE"), Map.entry("portugal", "PT"), Map.entry("poland", "PL"),
                Map.entry("canada", "CA"), Map.entry("australia", "AU"), Map.entry("sweden", "SE"),
                Map.entry("denmark", "DK"), Map.entry("norway", "NO"), Map.entry("finland", "FI"));
        private static final Set<String> ISO = Set.of(Locale.getISOCountries());

        private AddressParser() {
        }

        static Address parse(String text) {
            String s = text.replace('\n', ',').replace(';', ',');
            String[] parts = s.split(",");
            if (parts.length < 3) {
                return null;
            }
            String street = parts[0].trim();
            Matcher lead = LEAD_IN.matcher(street);
            if (lead.find()) {
                street = street.substring(lead.end()).trim();
            }
            if (!street.matches(".*\\d.*") || !street.matches(".*\\p{L}{2,}.*")) {
                return null;
            }
            List<String> rest = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].trim().replaceAll("[.!]+$", "");
                if (!p.isEmpty()) {
                    rest.add(p);
                }
            }
            if (rest.isEmpty()) {
                return null;
            }
            String country = country(rest.get(rest.size() - 1));
            if (country != null) {
                rest.remove(rest.size() - 1);
            }
            String postcode = null;
            String state = null;
            String city = null;
            for (String p : rest) {
                if (postcode == null) {
                    Matcher m = postcodeIn(p, country);
                    if (m != null) {
                        postcode = m.group(1).toUpperCase(Locale.ROOT);
                        String left = (p.substring(0, m.start()) + " " + p.substring(m.end())).trim();
                        if (left.matches("[A-Za-z]{2}")) {
                            state = left.toUpperCase(Locale.ROOT);
                        } else if (!left.isEmpty() && city == null) {
                            city = left;
                        }
                        continue;
                    }
                }
                if (city == null) {
                    city = p;
                } else if (state == null && p.length() <= 30) {
                    state = p;
                }
            }
            if (city == null || postcode == null || country == null) {
                return null;
            }
            return new Address(null, null, null, street, null, city, state, postcode, country, null);
        }

        private static Matcher postcodeIn(String part, String country) {
            List<Pattern> order = "GB".equals(country)
                    ? List.of(UK_POSTCODE, NUM_POSTCODE)
                    : "CA".equals(country) ? List.of(CA_POSTCODE, NUM_POSTCODE) : List.of(NUM_POSTCODE, UK_POSTCODE);
            for (Pattern p : order) {
                Matcher m = p.matcher(part);
                if (m.find()) {
                    return m;
                }
            }
            return null;
        }

        private static String country(String part) {
            String p = part.trim();
            if (p.length() == 2 && ISO.contains(p.toUpperCase(Locale.ROOT)) && p.equals(p.toUpperCase(Locale.ROOT))) {
                return p.toUpperCase(Locale.ROOT);
            }
            return COUNTRIES.get(p.toLowerCase(Locale.ROOT));
        }
    }
}
