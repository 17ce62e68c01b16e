package io.csc.chat.understanding;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.csc.chat.builtin.ProductMatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmallTalkAndSplitterTest {

    /** message | topic | reply key: small talk is answered, never handed off. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tell me a joke | SMALL_TALK | smalltalk.joke",
            "erzähl mir einen Witz | SMALL_TALK | smalltalk.joke",
            "are you a bot? | SMALL_TALK | smalltalk.bot",
            "eres un robot? | SMALL_TALK | smalltalk.bot",
            "tu es un robot ? | SMALL_TALK | smalltalk.bot",
            "u there? | SMALL_TALK | smalltalk.there",
            "bist du noch da? | SMALL_TALK | smalltalk.there",
            "how are you | SMALL_TALK | smalltalk.how",
            "comment ça va | SMALL_TALK | smalltalk.how",
            "who made you | SMALL_TALK | smalltalk.maker",
            "que puedes hacer | SMALL_TALK | smalltalk.can.do",
            "please delete all my data | PRIVACY_DELETE | privacy.delete",
            "bitte löscht alle meine Daten | PRIVACY_DELETE | privacy.delete",
            "what do you know about me | PRIVACY_EXPORT | privacy.export",
            "que savez-vous sur moi | PRIVACY_EXPORT | privacy.export"})
    void smallTalkAndPrivacyAreRecognisedAndAnswered(String message, Topic topic, String key) {
        Analysis a = MessageAnalyser.analyse(message, Language.EN);
        assertEquals(topic, a.topic(), message);
        assertEquals(key, SmallTalk.replyKey(a.topic(), message), message);
    }

    @Test
    void repliesAreInTheShoppersLanguageAndSayItIsAutomated() {
        String msg = "bist du ein Bot?";
        String reply = SmallTalk.reply(MessageAnalyser.analyse(msg, Language.EN), msg);
        assertTrue(reply.startsWith("Ich bin der automatische Assistent des Shops, kein Mensch."), reply);
        assertTrue(SmallTalk.reply(MessageAnalyser.analyse("are you a bot", Language.EN), "are you a bot")
                .contains("a person is one button away"));
        assertNull(SmallTalk.reply(MessageAnalyser.analyse("where is my order", Language.EN), "where is my order"));
    }

    @Test
    void twoQuestionsInOneMessageAreSplit() {
        List<MessageSplitter.Part> p = MessageSplitter.split("return the earbuds and also buy a charger", Language.EN);
        assertEquals(2, p.size());
        assertEquals("return the earbuds", p.get(0).text());
        assertEquals(Topic.RETURN_REQUEST, p.get(0).analysis().topic());
        assertEquals("buy a charger", p.get(1).text());
        assertEquals(Topic.PRODUCT_SEARCH, p.get(1).analysis().topic());

        p = MessageSplitter.split("where is order 52 and do you ship to Canada", Language.EN);
        assertEquals(List.of(Topic.ORDER_STATUS, Topic.SHIPPING), p.stream().map(x -> x.analysis().topic()).toList());
        assertEquals(52L, p.get(0).analysis().orderNumber());

        p = MessageSplitter.split("¿Dónde está mi pedido 52? ¿Hacen envíos a México?", Language.EN);
        assertEquals(List.of(Topic.ORDER_STATUS, Topic.SHIPPING), p.stream().map(x -> x.analysis().topic()).toList());
        assertEquals(Language.ES, p.get(1).analysis().language());

        p = MessageSplitter.split("wo ist meine Bestellung und kann ich mit PayPal zahlen", Language.EN);
        assertEquals(List.of(Topic.ORDER_STATUS, Topic.PAYMENT), p.stream().map(x -> x.analysis().topic()).toList());

        p = MessageSplitter.split("annulez la commande 77 et quels sont vos horaires", Language.EN);
        assertEquals(List.of(Topic.CANCEL_ORDER, Topic.HOURS), p.stream().map(x -> x.analysis().topic()).toList());
    }

    @Test
    void aBareProductNameIsAProductQuestionWhenTheCatalogueKnowsIt() {
        ProductMatcher catalog = new ProductMatcher(List.of(new ProductMatcher.Entry(19, "Wool Beanie", "AC-BEANIE-002"),
                new ProductMatcher.Entry(28, "Portable SSD 1TB", "EL-SSD-006")));
        assertEquals(Topic.OTHER, MessageAnalyser.analyse("wool beanie?", Language.EN).topic());
        Analysis a = MessageAnalyser.analyse("wool beanie?", Language.EN, catalog);
        assertEquals(Topic.PRODUCT_SEARCH, a.topic());
        assertEquals("catalogue", a.rule());
        // a rule's topic stands: the catalogue only fills in where no rule fits
        assertEquals(Topic.PRODUCT_PRICE, MessageAnalyser.analyse("how much is the wool beanie", Language.EN, catalog).topic());
        assertEquals(Topic.OTHER, MessageAnalyser.analyse("purple monkey dishwasher", Language.EN, catalog).topic());
    }

    @Test
    void oneQuestionStaysWhole() {
        for (String m : List.of("electronics between 40 and 80 dollars", "Hola, ¿tienen auriculares inalámbricos?",
                "hi and thanks", "is the running shirt available in blue and medium", "where is my order?",
                "cancel and refund order 5")) {
            List<MessageSplitter.Part> p = MessageSplitter.split(m, Language.EN);
            assertEquals(1, p.size(), m + " -> " + p);
            assertEquals(m, p.get(0).text());
        }
    }
}
