package io.csc.chat.knowledge;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-text query carries the store's words for what the shopper says. */
class SynonymsTest {

    @Test
    void aWordBringsItsAlternatives() {
        String q = Synonyms.expand("Is there a guarantee on headphones?");
        assertTrue(q.startsWith("Is there a guarantee on headphones?"), q);
        assertTrue(q.contains("warranty") && q.contains("earbuds"), q);
        assertTrue(Synonyms.expand("What is your phone number").contains("call"));
        assertTrue(Synonyms.expand("Where are your parcels?").contains("package"), "a plural finds its word");
    }

    @Test
    void otherQuestionsAreLeftAlone() {
        assertEquals("Do you sell wool beanies?", Synonyms.expand("Do you sell wool beanies?"));
    }
}
