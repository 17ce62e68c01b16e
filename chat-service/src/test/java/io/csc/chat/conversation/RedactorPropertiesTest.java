package io.csc.chat.conversation;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Generated personal data (emails of any script and encoding, IBANs, one-time codes as typed) inside generated text is
 * always replaced as a whole by its marker, while a generated date, time, order number or price in the same message is
 * always kept as typed. The expected text is built here from the parts, never by the redactor.
 */
class RedactorPropertiesTest {
    private static final List<String> WORDS = List.of("hello", "please", "my", "is", "the", "thanks", "for", "when",
            "will", "it", "arrive", "can", "you", "check", "blue", "hoodie", "größe", "très", "bien", "sí", "danke",
            "was", "delivered", "ok", "I", "a", "Grüße");

    record Secret(String text, String marker) {
    }

    @Property(tries = 1000)
    void personalDataIsReplacedWholeAndDatesOrdersAndPricesStay(@ForAll("filler") String before,
            @ForAll("secrets") Secret secret, @ForAll("filler") String between, @ForAll("keepers") String keeper,
            @ForAll("filler") String after, @ForAll("openers") String open, @ForAll("closers") String close) {
        String text = before + open + secret.text() + close + between + " " + keeper + " " + after;
        String expected = before + open + secret.marker() + close + between + " " + keeper + " " + after;
        assertEquals(expected, Redactor.redact(text));
    }

    @Property(tries = 300)
    void aKeeperAloneIsNeverTouched(@ForAll("filler") String before, @ForAll("keepers") String keeper,
            @ForAll("filler") String after) {
        String text = before + " " + keeper + " " + after;
        assertEquals(text, Redactor.redact(text));
    }

    @Provide
    Arbitrary<String> filler() {
        return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(6).map(w -> String.join(" ", w));
    }

    @Provide
    Arbitrary<String> openers() {
        return Arbitraries.of(" ", " (", ": ", "\n", " \"");
    }

    @Provide
    Arbitrary<String> closers() {
        return Arbitraries.of(" ", ", ", ". ", ") ", "\n", "\" ", "! ");
    }

    @Provide
    Arbitrary<Secret> secrets() {
        return Arbitraries.oneOf(emails(), ibans(), codes());
    }

    @Provide
    Arbitrary<String> keepers() {
        return Arbitraries.oneOf(dates(), times(), orderNumbers(), prices());
    }

    private static Arbitrary<String> chars(String alphabet, int min, int max) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMinLength(min).ofMaxLength(max);
    }

    private Arbitrary<Secret> emails() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüßéèñçøждя例えはかな";
        Arbitrary<String> local = Combinators.combine(chars(letters + "0123456789", 1, 1),
                chars(letters + "0123456789._+-", 0, 15)).as((a, b) -> a + b);
        Arbitrary<String> label = Combinators.combine(chars(letters + "0123456789", 1, 1),
                chars(letters + "0123456789-", 0, 10), chars(letters + "0123456789", 1, 1)).as((a, b, c) -> a + b + c);
        Arbitrary<String> domain = label.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(".", l));
        Arbitrary<String> tld = Arbitraries.oneOf(chars("abcdefghijklmnopqrstuvwxyz", 2, 6), Arbitraries.of("рф", "みんな", "中国"));
        Arbitrary<String> at = Arbitraries.of("@", "%40", "%2540", "\uFF20");
        return Combinators.combine(local, at, domain, tld).as((l, a, d, t) -> new Secret(l + a + d + "." + t, "[email]"));
    }

    private Arbitrary<Secret> ibans() {
        Arbitrary<String> country = Arbitraries.of("DE", "GB", "FR", "NL", "AT", "ES", "IT", "CH", "de", "gb");
        Arbitrary<String> check = Arbitraries.integers().between(2, 98).map(n -> String.format("%02d", n));
        Arbitrary<String> bank = Arbitraries.oneOf(Arbitraries.just(""), chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 4, 4));
        // The shortest IBAN (Norway) has 11 characters after the check digits.
        Arbitrary<String> account = chars("0123456789", 11, 22);
        Arbitrary<Boolean> grouped = Arbitraries.of(true, false);
        return Combinators.combine(country, check, bank, account, grouped).as((c, k, b, a, g) -> {
            String compact = c + k + b + a;
            return new Secret(g ? groupsOfFour(compact) : compact, "[iban]");
        });
    }

    private static String groupsOfFour(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(s, i, Math.min(s.length(), i + 4));
        }
        return sb.toString();
    }

    private Arbitrary<Secret> codes() {
        Arbitrary<String> digits = chars("0123456789", 6, 6);
        Arbitrary<String> form = Arbitraries.of("dddddd", "ddd ddd", "ddd-ddd", "dd.dd.dd", "dd dd dd", "dd-dd-dd", "ddd.ddd");
        return Combinators.combine(digits, form).as((d, f) -> {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            for (char c : f.toCharArray()) {
                sb.append(c == 'd' ? d.charAt(i++) : c);
            }
            return new Secret(sb.toString(), "[code]");
        })
                // Six digits typed as dd.mm.yy that make a real date are a date: dates are never redacted.
                .filter(c -> !(c.text().matches("\\d\\d[.-]\\d\\d[.-]\\d\\d") && plausibleDate(c.text())));
    }

    private static boolean plausibleDate(String code) {
        int a = Integer.parseInt(code.substring(0, 2));
        int b = Integer.parseInt(code.substring(3, 5));
        return a >= 1 && a <= 31 && b >= 1 && b <= 12 || a >= 1 && a <= 12 && b >= 1 && b <= 31;
    }

    private Arbitrary<String> dates() {
        Arbitrary<LocalDate> date = Combinators.combine(Arbitraries.integers().between(1990, 2099),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 31)).as((y, m, d) -> {
                    try {
                        return LocalDate.of(y, m, d);
                    } catch (DateTimeException e) {
                        return LocalDate.of(y, m, 28);
                    }
                });
        String[] months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        String[] longMonths = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"};
        Arbitrary<Integer> style = Arbitraries.integers().between(0, 6);
        return Combinators.combine(date, style).as((d, s) -> switch (s) {
            case 0 -> d.toString();
            case 1 -> String.format("%02d.%02d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            case 2 -> String.format("%02d/%02d/%d", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
            case 3 -> d.getDayOfMonth() + " " + months[d.getMonthValue() - 1] + " " + d.getYear();
            case 4 -> longMonths[d.getMonthValue() - 1] + " " + d.getDayOfMonth() + ", " + d.getYear();
            case 5 -> String.format("%d.%d.%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
            default -> d + " " + String.format("%02d:%02d", d.getDayOfMonth() % 24, d.getMonthValue() * 4);
        });
    }

    private Arbitrary<String> times() {
        return Combinators.combine(Arbitraries.integers().between(0, 23), Arbitraries.integers().between(0, 59),
                Arbitraries.of("", " pm", " am", ":00")).as((h, m, s) -> String.format("%02d:%02d%s", h, m, s));
    }

    private Arbitrary<String> orderNumbers() {
        Arbitrary<Integer> n = Arbitraries.integers().between(1, 99_999_999);
        Arbitrary<String> form = Arbitraries.of("#%d", "order %d", "order #%d", "Order number %d", "Bestellung Nr. %d");
        return Combinators.combine(form, n).as(String::format);
    }

    private Arbitrary<String> prices() {
        Arbitrary<Integer> units = Arbitraries.integers().between(0, 999);
        Arbitrary<Integer> cents = Arbitraries.integers().between(0, 99);
        Arbitrary<String> form = Arbitraries.of("$%d.%02d", "%d,%02d €", "€%d.%02d", "%d.%02d EUR", "£%d.%02d",
                "USD %d.%02d");
        return Combinators.combine(form, units, cents).as(String::format);
    }
}
