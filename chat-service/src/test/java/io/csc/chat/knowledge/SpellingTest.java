package io.csc.chat.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpellingTest {
    private final Spelling spelling = new Spelling(List.of(
            new StoredPassage(1, "page:9", null, "Refund and Returns Policy", "Returns",
                    "You can return any unused item within 30 days.", null),
            new StoredPassage(2, "page:1", null, "Shipping", "Costs", "Shipping to France costs $14.95.", null),
            new StoredPassage(3, "product:18", null, "Leather Belt", "Product", "Leather Belt (Accessories).", null)));

    @Test
    void typosBecomeTheStoresWords() {
        assertEquals("return policy", spelling.correct("retrun polcy"));
        assertEquals("shipping costs to france", spelling.correct("shiping cost to france"),
                "\"cost\" is not the store's word: \"costs\" is");
    }

    @Test
    void knownShortAndNumericWordsStay() {
        assertEquals("can i return it in 30 days", spelling.correct("can i return it in 30 days"));
        assertEquals("sku ab12c", spelling.correct("sku ab12c"));
    }

    @Test
    void aDifferentFirstLetterIsAnotherWordNotATypo() {
        assertEquals("weather in Portland", spelling.correct("weather in Portland"), "not 'leather'");
    }
}
