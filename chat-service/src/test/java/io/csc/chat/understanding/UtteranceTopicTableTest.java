package io.csc.chat.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scores {@link MessageAnalyser} on the hand-written utterance table in four languages. The table was written in full
 * before the rules and split by a hash of each utterance into a tuning file and a held-out file: misses are printed
 * for the tuning file only (so tuning never sees the held-out rows); the held-out file reports its accuracy alone.
 */
class UtteranceTopicTableTest {

    /** The issue's target for the held-out third. */
    static final double HELD_OUT_FLOOR = 0.90;

    record Row(Language language, String utterance, Topic topic, Long order, String email) {
    }

    static List<Row> rows(String file) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                UtteranceTopicTableTest.class.getResourceAsStream("/understanding/" + file), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\\|", -1);
                String order = c[3].trim();
                String email = c[4].trim();
                rows.add(new Row(Language.valueOf(c[0].trim().toUpperCase()), c[1].trim(), Topic.fromWireName(c[2]),
                        order.isEmpty() ? null : Long.valueOf(order), email.isEmpty() ? null : email));
            }
        }
        return rows;
    }

    /** A row counts when topic, order number, email and language all match. */
    static List<String> misses(List<Row> rows) {
        List<String> misses = new ArrayList<>();
        for (Row row : rows) {
            // a new conversation on an English store: other languages must be recognised from the message
            Analysis a = MessageAnalyser.analyse(row.utterance(), Language.EN);
            List<String> wrong = new ArrayList<>();
            if (a.topic() != row.topic()) {
                wrong.add("topic " + a.topic().wireName() + " (" + a.rule() + ") want " + row.topic().wireName());
            }
            if (!Objects.equals(a.orderNumber(), row.order())) {
                wrong.add("order " + a.orderNumber());
            }
            if (!Objects.equals(a.email(), row.email())) {
                wrong.add("email " + a.email());
            }
            if (a.language() != row.language()) {
                wrong.add("language " + a.language());
            }
            if (!wrong.isEmpty()) {
                misses.add(row.language() + " | " + row.utterance() + " -> " + String.join(", ", wrong));
            }
        }
        return misses;
    }

    @Test
    void tuningRowsAreUnderstood() throws IOException {
        List<Row> rows = rows("utterances-tuning.psv");
        List<String> misses = misses(rows);
        double acc = 1.0 - (double) misses.size() / rows.size();
        System.out.printf("topic table (tuning): %.3f of %d%n", acc, rows.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(acc >= 0.95, "tuning accuracy " + acc);
    }

    @Test
    void heldOutRowsAreUnderstood() throws IOException {
        List<Row> rows = rows("utterances-heldout.psv");
        int misses = misses(rows).size();
        double acc = 1.0 - (double) misses / rows.size();
        // accuracy only: the held-out rows stay unseen while tuning
        System.out.printf("topic table (held-out): %.3f of %d%n", acc, rows.size());
        assertTrue(acc >= HELD_OUT_FLOOR, "held-out accuracy " + acc);
    }

    @Test
    void analysingAMessageTakesWellUnderAMillisecond() throws IOException {
        List<Row> rows = rows("utterances-tuning.psv");
        for (int i = 0; i < 3000; i++) {
            MessageAnalyser.analyse(rows.get(i % rows.size()).utterance(), Language.EN);
        }
        int n = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MessageAnalyser.analyse(rows.get(i % rows.size()).utterance(), Language.EN);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        System.out.println("analysis: " + micros + " us per message");
        // it runs on every turn; the bound is generous for a shared 2-core machine, the figure is printed
        assertTrue(micros < 1000, micros + " us per message");
    }

    @Test
    void theTableIsLargeCoversEveryTopicAndLanguageAndTheSplitIsTheDocumentedHash() throws IOException {
        List<Row> tuning = rows("utterances-tuning.psv");
        List<Row> heldOut = rows("utterances-heldout.psv");
        assertTrue(tuning.size() + heldOut.size() >= 600, "at least 600 utterances");
        for (Row r : tuning) {
            assertTrue(crc(r.utterance()) % 3 != 0, "tuning row belongs to held-out: " + r.utterance());
        }
        for (Row r : heldOut) {
            assertEquals(0, crc(r.utterance()) % 3, "held-out row belongs to tuning");
        }
        for (Topic t : Topic.values()) {
            for (Language l : Language.values()) {
                if (t == Topic.OTHER) {
                    continue;
                }
                boolean present = tuning.stream().anyMatch(r -> r.topic() == t && r.language() == l)
                        || heldOut.stream().anyMatch(r -> r.topic() == t && r.language() == l);
                assertTrue(present, "no row for " + t + " in " + l);
            }
        }
    }

    private static long crc(String s) {
        CRC32 c = new CRC32();
        c.update(s.getBytes(StandardCharsets.UTF_8));
        return c.getValue();
    }
}
