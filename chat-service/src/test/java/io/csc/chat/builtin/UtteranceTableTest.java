package io.csc.chat.builtin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.csc.chat.understanding.Intent;
import io.csc.model.commerce.Address;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores the understanding (rules + the in-process embedding model) on the table of shopper utterances in
 * {@code builtin/utterances.psv}: a row counts only when the intent and every argument it gives match. Fails below
 * the accuracy floor and prints the accuracy (reported in the README).
 */
class UtteranceTableTest {

    /** The floor the table must stay above; measured accuracy is printed and reported. */
    static final double FLOOR = 0.90;

    static Understander understander;
    static ProductMatcher catalog;

    @BeforeAll
    static void load() {
        understander = Models.understander();
        catalog = new ProductMatcher(DemoCatalog.ENTRIES);
    }

    record Row(int line, Expectation expecting, String utterance, Intent intent, Long order, String email,
            String code, String product, String address) {
    }

    @Test
    void accuracyOnTheUtteranceTableIsAboveTheFloor() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 150, "the table has at least 150 utterances, has " + rows.size());
        int ok = 0;
        int intentOk = 0;
        int byEmbedding = 0;
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            Understanding u = understander.understand(r.utterance(), r.expecting(), catalog);
            if ("embedding".equals(u.by())) {
                byEmbedding++;
            }
            List<String> wrong = new ArrayList<>();
            if (u.intent() != r.intent()) {
                wrong.add("intent " + u.intent().wireName() + " (" + u.by() + String.format(Locale.ROOT, " %.2f", u.score())
                        + (u.guess() != null ? " guess " + u.guess().wireName() : "") + ")");
            } else {
                intentOk++;
            }
            if (!Objects.equals(u.orderNumber(), r.order())) {
                wrong.add("order " + u.orderNumber());
            }
            if (r.email() != null && !r.email().equals(u.email())) {
                wrong.add("email " + u.email());
            }
            if (r.email() == null && u.email() != null) {
                wrong.add("email " + u.email());
            }
            if (!Objects.equals(r.code(), u.code())) {
                wrong.add("code " + u.code());
            }
            if (r.product() != null && (u.product() == null || !r.product().equals(u.product().name()))) {
                wrong.add("product " + (u.product() == null ? null : u.product().name()));
            }
            if (r.address() != null) {
                Address a = u.address();
                String got = a == null ? null : a.postcode() + "/" + a.country();
                if (!r.address().equals(got)) {
                    wrong.add("address " + got);
                }
            }
            if (wrong.isEmpty()) {
                ok++;
            } else {
                misses.add("  line " + r.line() + " \"" + r.utterance() + "\" expected " + r.intent().wireName() + ": "
                        + String.join(", ", wrong));
            }
        }
        double accuracy = (double) ok / rows.size();
        System.out.printf(Locale.ROOT,
                "utterance table: %d/%d rows fully right = accuracy %.3f (intent alone %.3f; %d rows decided by the embedding model)%n",
                ok, rows.size(), accuracy, (double) intentOk / rows.size(), byEmbedding);
        misses.forEach(System.out::println);
        assertTrue(accuracy >= FLOOR, String.format(Locale.ROOT, "accuracy %.3f below the floor %.2f", accuracy, FLOOR));
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                UtteranceTableTest.class.getResourceAsStream("/builtin/utterances.psv"), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\\|", -1);
                if (c.length != 8) {
                    throw new IllegalStateException("line " + n + " has " + c.length + " columns");
                }
                rows.add(new Row(n, expectation(c[0].trim()), c[1].trim(), Intent.fromWireName(c[2]), number(c[3]),
                        blank(c[4]), blank(c[5]), blank(c[6]), blank(c[7])));
            }
        }
        return rows;
    }

    private static Expectation expectation(String s) {
        return switch (s) {
            case "none" -> Expectation.NONE;
            case "email" -> Expectation.EMAIL;
            case "code" -> Expectation.CODE;
            case "order" -> Expectation.ORDER_NUMBER;
            case "address" -> Expectation.ADDRESS;
            case "yesno" -> Expectation.YES_NO;
            default -> throw new IllegalArgumentException(s);
        };
    }

    private static Long number(String s) {
        return s.isBlank() ? null : Long.parseLong(s.trim());
    }

    private static String blank(String s) {
        return s.isBlank() ? null : s.trim();
    }
}
