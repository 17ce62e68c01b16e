package io.csc.chat.understanding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LanguageDetectorTest {

    record Row(Language language, String text) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                LanguageDetectorTest.class.getResourceAsStream("/understanding/languages.psv"),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int bar = line.indexOf('|');
                rows.add(new Row(Language.valueOf(line.substring(0, bar).trim().toUpperCase()),
                        line.substring(bar + 1).trim()));
            }
        }
        return rows;
    }

    @Test
    void detectsTheLanguageOfEveryShortMessageInTheTable() throws IOException {
        List<Row> rows = rows();
        assertTrue(rows.size() >= 80, "at least 80 messages, has " + rows.size());
        List<String> wrong = new ArrayList<>();
        for (Row row : rows) {
            // the fallback is deliberately a wrong language: the message alone must decide
            Language fallback = row.language() == Language.EN ? Language.DE : Language.EN;
            Language got = LanguageDetector.detect(row.text(), fallback);
            if (got != row.language()) {
                wrong.add(row.language() + " got " + got + ": " + row.text());
            }
        }
        System.out.println("language table: " + (rows.size() - wrong.size()) + "/" + rows.size());
        wrong.forEach(w -> System.out.println("  " + w));
        // every row is a message a shopper could send: a single miss answers someone in the wrong language
        assertTrue(wrong.size() <= rows.size() / 50, "misses: " + wrong);
    }

    @Test
    void messagesWithoutWordsKeepTheConversationsLanguage() {
        assertEquals(Language.DE, LanguageDetector.detect("#1234", Language.DE));
        assertEquals(Language.FR, LanguageDetector.detect("123456", Language.FR));
        assertEquals(Language.ES, LanguageDetector.detect("anna@example.com", Language.ES));
        assertEquals(Language.ES, LanguageDetector.detect("", Language.ES));
        assertEquals(Language.EN, LanguageDetector.detect(null, null));
    }

    @Test
    void accentsAloneDecideWhenTheWordsAreUnknown() {
        assertEquals(Language.ES, LanguageDetector.detect("¿auriculares?", Language.EN));
        assertEquals(Language.DE, LanguageDetector.detect("Größe", Language.EN));
        assertEquals(Language.FR, LanguageDetector.detect("reçu", Language.EN));
    }

    @Test
    void localesMapToLanguages() {
        assertEquals(Language.DE, Language.ofLocale("de_DE", Language.EN));
        assertEquals(Language.FR, Language.ofLocale("fr-CA", Language.EN));
        assertEquals(Language.EN, Language.ofLocale("nl_NL", Language.EN));
        assertEquals(Language.ES, Language.ofLocale(null, Language.ES));
    }

    @Test
    void isFastEnoughForEveryTurn() throws IOException {
        List<Row> rows = rows();
        for (int i = 0; i < 2000; i++) {
            LanguageDetector.detect(rows.get(i % rows.size()).text(), Language.EN);
        }
        int n = 20_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            LanguageDetector.detect(rows.get(i % rows.size()).text(), Language.EN);
        }
        double micros = (System.nanoTime() - start) / 1000.0 / n;
        System.out.println("language detection: " + micros + " us per message");
        // generous for a shared 2-core machine; measured figure is printed
        assertTrue(micros < 200, "took " + micros + " us per message");
    }
}
