package io.csc.chat.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A whole conversation in German, Spanish and French through {@code POST /api/chat}: a product, an order read after a
 * simple match, a cancellation that needs a one-time code and a confirmation, then a person. Every reply the assistant
 * (and the confirmation step, and the tools) writes is in the shopper's language: no reply holds an English sentence,
 * checked by a small list of English words that none of the three languages uses.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class LanguagesChatTest {

    /** Words of English sentences that German, Spanish and French replies do not contain. */
    static final Set<String> ENGLISH = Set.of("the", "your", "you", "is", "are", "please", "and", "with", "have", "can",
            "we", "to", "of", "for", "this", "that", "it", "will", "order", "found", "here", "sorry", "thanks",
            "shall", "done", "cancelled", "processing", "email", "passed", "what", "which", "would");

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    /** The English words of a reply: its text without product names, order numbers, links and the email. */
    static List<String> englishWords(String reply) {
        String text = reply.replace("Blue Hoodie", " ").replaceAll("https?://\\S+", " ").replace(Stubs.ALICE, " ");
        List<String> found = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (ENGLISH.contains(w)) {
                found.add(w);
            }
        }
        return found;
    }

    private static JsonPath say(Chats c, String message, List<String> replies) {
        JsonPath r = Api.chat(c.ip(), c.turn(message)).then().statusCode(200).extract().jsonPath();
        replies.add(message + " -> " + r.getString("message"));
        List<String> english = englishWords(r.getString("message"));
        assertTrue(english.isEmpty(), "English words " + english + " in the reply to \"" + message + "\": "
                + r.getString("message"));
        return r;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "de|Habt ihr Hoodies?|Wo ist meine Bestellung 1001?|Bitte stornieren Sie die Bestellung 1001|ja|Ich möchte mit einem Menschen sprechen|Bearbeitung|storniert",
            "es|¿Tienen sudaderas hoodie?|¿Dónde está mi pedido 1001?|Quiero cancelar el pedido 1001|sí|Quiero hablar con una persona|preparación|cancelado",
            "fr|Avez-vous des hoodies ?|Où est ma commande 1001 ?|Je veux annuler la commande 1001|oui|Je voudrais parler à un humain|traitement|annulée"})
    void aWholeConversationIsAnsweredInTheShoppersLanguage(String lang, String product, String where, String cancel,
            String yes, String person, String processing, String cancelled) {
        Chats c = Chats.open();
        List<String> replies = new ArrayList<>();

        JsonPath found = say(c, product, replies);
        assertTrue(found.getString("message").contains("Blue Hoodie"), replies.toString());

        JsonPath asked = say(c, where, replies);
        assertEquals("email", asked.getString("ui.input"), replies.toString());

        // the email matches order 1001 (a simple match): from then on verification-service knows the grant
        String scenario = "grant-" + c.conversationId();
        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/simple"))
                .withRequestBody(containing(c.conversationId())).atPriority(5).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("matched").willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"level\": \"full\"}")));
        ServicesResource.verification.stubFor(get(urlPathEqualTo("/internal/verification/" + c.conversationId()))
                .atPriority(15).inScenario(scenario).whenScenarioStateIs("matched")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"conversationId": "%s", "domain": "x", "email": "%s", "level": "full", "method": "simple",
                         "verifiedAt": "2026-11-25T10:00:00Z", "expiresAt": "2099-01-01T00:00:00Z", "consent": null}"""
                        .formatted(c.conversationId(), Stubs.ALICE))));
        JsonPath status = say(c, Stubs.ALICE, replies);
        assertTrue(status.getString("message").contains("1001") && status.getString("message").contains(processing),
                replies.toString());

        // a cancellation needs a one-time code
        JsonPath code = say(c, cancel, replies);
        assertEquals("code", code.getString("ui.input"), replies.toString());
        ServicesResource.verification.verify(postRequestedFor(urlPathEqualTo("/internal/verification/otp/send")));

        ServicesResource.verification.stubFor(post(urlPathEqualTo("/internal/verification/otp/verify"))
                .withRequestBody(containing("482913")).atPriority(5).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"verified\": true, \"attemptsLeft\": 3}")));
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        JsonPath proposal = say(c, "482913", replies);
        assertNotNull(proposal.getString("ui.confirm.id"), replies.toString());
        assertTrue(proposal.getString("ui.confirm.label").contains("1001"), replies.toString());
        assertTrue(englishWords(proposal.getString("ui.confirm.label")).isEmpty(), proposal.getString("ui.confirm.label"));

        JsonPath done = say(c, yes, replies);
        assertTrue(done.getString("message").contains(cancelled), replies.toString());
        ServicesResource.gateway.verify(1, postRequestedFor(urlPathEqualTo("/internal/orders/1001/cancel"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath("$.email",
                        equalTo(Stubs.ALICE))));

        JsonPath handoff = say(c, person, replies);
        assertEquals("true", handoff.getString("ui.handoff"), replies.toString());
        System.out.println("[" + lang + "] " + String.join("\n  ", replies));
    }
}
