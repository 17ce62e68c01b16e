package io.csc.chat.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.knowledge.HtmlText;
import io.csc.chat.knowledge.KnowledgeHit;
import io.csc.chat.knowledge.StoreProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Store questions phrased unlike the pages, over the demo store's profile and pages (knowledge/demo-profile.json,
 * demo-content.json). Every section of every page is offered as a passage, in the file's order, so the answer must pick the right page
 * and sentence by itself.
 */
class StoreFactsTest {

    static StoreProfile profile;
    static List<KnowledgeHit> pages = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = StoreFactsTest.class.getResourceAsStream("/knowledge/demo-profile.json")) {
            profile = json.readValue(in, StoreProfile.class);
        }
        try (InputStream in = StoreFactsTest.class.getResourceAsStream("/knowledge/demo-content.json")) {
            for (JsonNode p : json.readTree(in).path("pages")) {
                String title = p.path("title").path("rendered").asText().replace("&amp;", "&");
                // one passage per section, as the knowledge index keeps them
                for (HtmlText.Section s : HtmlText.sections(p.path("content").path("rendered").asText())) {
                    pages.add(new KnowledgeHit(p.path("link").asText(), title, s.heading(),
                            String.join(" ", s.paragraphs()), 0.5, 0.5, 0.5, 0.5, null));
                }
            }
        }
    }

    static StoreFacts.Answer ask(String q, Language lang) {
        Topic topic = MessageAnalyser.analyse(q, lang).topic();
        return StoreFacts.answer(q, topic, lang, profile, pages);
    }

    @Test
    void paymentQuestionsStartWithTheYesOrTheNo() {
        assertEquals("No. We accept: Direct bank transfer, Cash on delivery.",
                ask("do you take credit cards", Language.EN).text());
        assertEquals("Ja. Wir akzeptieren: Direct bank transfer, Cash on delivery.",
                ask("kann ich per nachnahme zahlen", Language.DE).text());
        assertEquals("Aceptamos: Direct bank transfer, Cash on delivery.", ask("formas de pago?", Language.ES).text());
    }

    @Test
    void shippingCountriesAndCostsComeFromTheZones() {
        assertEquals("Yes, we ship to Canada: Standard $5.95, Free shipping >= $50.",
                ask("do you ship to canada", Language.EN).text());
        assertEquals("Oui, nous livrons vers Allemagne : International $14.95.",
                ask("vous livrez en allemagne ?", Language.FR).text());
        assertEquals("Nach Österreich liefern wir nicht. Wir liefern nach: Vereinigte Staaten, Kanada, Mexiko, "
                + "Deutschland, Frankreich, Vereinigtes Königreich.", ask("liefert ihr nach österreich", Language.DE).text());
    }

    /** question | language | page the answer must quote | words the answer must contain */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "who pays customs | EN | Shipping & Delivery | recipient",
            "wer zahlt den zoll | DE | Shipping & Delivery | import duties",
            "what's your phone number | EN | Frequently Asked Questions | 207-555-0142",
            "how can i contact you by email | EN | Frequently Asked Questions | help@harborgoods.example",
            "cual es su numero de telefono | ES | Frequently Asked Questions | 207-555-0142",
            "can I exchange a shirt for another size | EN | Refund and Returns Policy | exchange a size",
            "how many days do i have to return something | EN | Refund and Returns Policy | 30 days",
            "is there a warranty on electronics | EN | Terms and Conditions | 1-year",
            "how long does delivery take | EN | Shipping & Delivery | business days"})
    void questionsPhrasedUnlikeThePageReachTheRightSentence(String q, Language lang, String page, String fact) {
        StoreFacts.Answer a = ask(q, lang);
        assertTrue(a.known(), q + " -> " + a.text());
        assertEquals(page, a.sourceTitle(), q + " -> " + a.text());
        assertTrue(a.text().contains(fact), q + " -> " + a.text());
        // one or two sentences and the source, not the page
        assertTrue(a.text().length() < 450, q + " -> " + a.text());
    }

    @Test
    void addressAndCurrencyComeFromTheProfile() {
        assertEquals("Our address: 221 Harbor Street, Portland, ME 04101, US.",
                ask("where are you located", Language.EN).text());
        assertEquals("Los precios están en USD.", ask("en que moneda estan los precios", Language.ES).text());
    }

    @Test
    void saysItDoesNotKnowWhenNoPageAnswers() {
        // the demo pages say nothing about gift wrapping: no invented answer, and no handoff either
        StoreFacts.Answer a = ask("gift wrapping?", Language.EN);
        assertFalse(a.known());
        assertEquals("I couldn't find that on the store's pages.", a.text());
        assertFalse(StoreFacts.answer("do you ship to canada", Topic.SHIPPING, Language.EN, null, List.of()).known());
    }

    @Test
    void searchQueriesCarryThePagesWords() {
        assertTrue(StoreFacts.searchQuery("who pays customs", Topic.SHIPPING).contains("duties"));
        assertTrue(StoreFacts.searchQuery("¿aceptan tarjeta de crédito?", Topic.PAYMENT).contains("payment"));
        assertTrue(StoreFacts.searchQuery("gift wrapping?", Topic.STORE_QUESTION).contains("wrap"));
        assertTrue(StoreFacts.searchQuery("was ist eure telefonnummer", Topic.CONTACT).contains("phone"));
    }
}
