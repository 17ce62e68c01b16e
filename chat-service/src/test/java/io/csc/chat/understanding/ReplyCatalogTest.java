package io.csc.chat.understanding;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplyCatalogTest {

    /** The sentences the built-in assistant writes today (builtin/Replies and BuiltinAssistant), by key. */
    static final List<String> TODAYS_SENTENCES = List.of("ask.email", "ask.code", "confirm.how", "retype.code",
            "ask.order", "ask.address", "ask.product", "greeting", "thanks", "not.understood", "policy.unknown",
            "unreachable", "no.match", "nothing.pending", "verified", "verified.ask.orders", "email.received",
            "order.not.owned", "products.lead.have", "products.lead.found", "products.more", "product.that",
            "product.none.in.stock", "product.not.found", "stock.unknown", "stock.in", "stock.in.quantity",
            "stock.out", "stock.backorder", "sale.was");

    @Test
    void everyKeyExistsInEveryLanguageWithTheSamePlaceholders() {
        Set<String> english = ReplyCatalog.keys(Language.EN);
        assertTrue(english.containsAll(TODAYS_SENTENCES), "every sentence of today's assistant has a key");
        for (Language l : Language.values()) {
            assertEquals(english, ReplyCatalog.keys(l), "keys of " + l);
            for (String key : english) {
                assertEquals(ReplyCatalog.placeholders(Language.EN, key), ReplyCatalog.placeholders(l, key),
                        "placeholders of " + key + " in " + l);
                assertFalse(ReplyCatalog.text(l, key).isBlank(), key + " in " + l);
            }
        }
    }

    @Test
    void translationsAreNotCopiesOfTheEnglish() {
        // a key left in English in another file is a missed translation (prices and emails aside)
        for (Language l : List.of(Language.DE, Language.ES, Language.FR)) {
            for (String key : ReplyCatalog.keys(Language.EN)) {
                String en = ReplyCatalog.text(Language.EN, key);
                if (en.matches("[^a-zA-Z]*\\{\\w+}[^a-zA-Z]*") || key.equals("language." + l.code())) {
                    continue;
                }
                if ((key.equals("stock.in") || key.equals("facts.no")) && l == Language.ES || key.equals("facts.source")) {
                    continue;
                }
                assertNotEquals(en, ReplyCatalog.text(l, key), key + " in " + l + " is still English");
            }
        }
    }

    @Test
    void fillsNamedPlaceholders() {
        assertEquals(
                "Ich finde die Bestellung #52 zu der bestätigten E-Mail-Adresse nicht. Bitte prüfen Sie die Bestellnummer.",
                ReplyCatalog.text(Language.DE, "order.not.owned", Map.of("order", 52)));
        assertEquals("Sí, Performance Running Shirt en Blue, M está en stock (23 disponibles).",
                ReplyCatalog.text(Language.ES, "variation.in.stock",
                        Map.of("product", "Performance Running Shirt", "attributes", "Blue, M", "quantity", 23)));
        // a missing value shows the placeholder rather than a silent gap
        assertEquals("Source : {page}", ReplyCatalog.text(Language.FR, "facts.source", Map.of()));
        assertEquals("German", ReplyCatalog.languageName(Language.DE, Language.EN));
        assertThrows(IllegalArgumentException.class, () -> ReplyCatalog.text(Language.EN, "no.such.key"));
    }

    @Test
    void questionsKeepTheirFixedEnglishPhrases() {
        // the next turn recognises what was asked by these phrases (builtin/Replies.expectationOf)
        assertTrue(ReplyCatalog.text(Language.EN, "ask.code").contains("6-digit code"));
        assertTrue(ReplyCatalog.text(Language.EN, "ask.email").contains("provide your email address"));
        assertTrue(ReplyCatalog.text(Language.EN, "ask.order").contains("give me the order number"));
        assertTrue(ReplyCatalog.text(Language.EN, "ask.address").contains("new shipping address as"));
        assertTrue(ReplyCatalog.text(Language.EN, "policy.unknown").contains("Would you like me to"));
    }
}
