package io.csc.chat.turn;

import org.junit.jupiter.api.Test;

import io.csc.chat.understanding.Language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A card's words (stock, order status) follow the turn's language; English keeps WooCommerce's own labels. */
class CardWordsTest {

    @Test
    void stockInWordsInEachLanguage() {
        assertEquals("In stock", CardComposer.stock("instock", 4, Language.EN).text());
        assertEquals("Auf Lager", CardComposer.stock("instock", 4, Language.DE).text());
        assertEquals("Nicht auf Lager", CardComposer.stock("outofstock", null, Language.DE).text());
        assertEquals(4, CardComposer.stock("instock", 4, Language.FR).quantity());
        assertNull(CardComposer.stock("outofstock", 0, Language.ES).quantity());
        assertEquals("Available on backorder", CardComposer.stock("onbackorder", null, Language.EN).text());
    }

    @Test
    void orderStatusInWordsInEachLanguage() {
        assertEquals("Pending payment", CardComposer.statusWords("pending", Language.EN));
        assertEquals("Storniert", CardComposer.statusWords("cancelled", Language.DE));
        assertEquals("In Bearbeitung", CardComposer.statusWords("processing", Language.DE));
        // a status the store added itself keeps its slug, readable
        assertEquals("Awaiting pickup", CardComposer.statusWords("awaiting-pickup", Language.DE));
    }
}
