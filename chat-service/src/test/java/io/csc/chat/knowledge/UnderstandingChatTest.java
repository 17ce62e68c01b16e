package io.csc.chat.knowledge;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/**
 * The topic routing of the built-in assistant through {@code POST /api/chat}, over the demo store's pages and
 * products: small talk answered without a ticket, privacy requests starting the verified self-service, store facts from
 * the pages with the page as the source, reasoning over the catalogue, and the shopper's language.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnderstandingChatTest {
    static final String DOMAIN = "chat.understanding.test";

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    Pool pool;

    @Inject
    IngestService ingest;

    @BeforeAll
    void indexTheDemoStore() {
        DemoContent.forget(pool, DOMAIN);
        DemoContent store = DemoContent.demoStore(DOMAIN);
        store.serve(gateway);
        // the gateway's first page when no page is asked for (as the real route answers), and the running shirt with
        // its variations as the demo store seeds them
        gateway.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(DOMAIN))
                .withQueryParam("page", absent()).withQueryParam("search", absent()).atPriority(1)
                .willReturn(okJson(store.products.toString())));
        gateway.stubFor(get(urlPathEqualTo("/internal/products/40")).atPriority(1).willReturn(okJson(RUNNING_SHIRT)));
        gateway.stubFor(get(urlPathEqualTo("/internal/store/price-format")).atPriority(1).willReturn(okJson(
                """
                        {"currency":"EUR","symbol":"€","position":"right_space","thousandSeparator":".",
                         "decimalSeparator":",","decimals":2}""")));
        ingest.reindex(DOMAIN, null).await().indefinitely();
    }

    static final String RUNNING_SHIRT = """
            {"id":40,"name":"Performance Running Shirt","type":"variable","sku":"TS-RUN-VAR","price":"29.00",
             "regularPrice":"","salePrice":"","onSale":false,"stockStatus":"instock","stockQuantity":null,
             "permalink":"http://127.0.0.1:8088/product/performance-running-shirt/","categories":["T-Shirts"],
             "variations":[
              {"id":41,"sku":"TS-RUN-R-S","price":"34.00","stockStatus":"instock","stockQuantity":10,"attributes":["Color: Red","Size: S"]},
              {"id":42,"sku":"TS-RUN-R-M","price":"34.00","stockStatus":"outofstock","stockQuantity":0,"attributes":["Color: Red","Size: M"]},
              {"id":45,"sku":"TS-RUN-B-M","price":"29.00","stockStatus":"instock","stockQuantity":23,"attributes":["Color: Blue","Size: M"]},
              {"id":46,"sku":"TS-RUN-B-L","price":"36.00","stockStatus":"instock","stockQuantity":7,"attributes":["Color: Blue","Size: L"]}]}""";

    @Test
    void aJokeIsAnsweredWithoutATicket() {
        chat("u-joke", "tell me a joke").statusCode(200).body("outcome", not("handoff"))
                .body("message", containsString("shopping cart")).body("handoff_id", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void areYouABotSaysItIsAutomatedInGerman() {
        chat("u-bot-de", "Bist du ein Bot?").statusCode(200).body("message", containsString("automatisch"));
    }

    @Test
    void deleteMyDataAsksForTheEmailToVerify() {
        chat("u-privacy", "please delete all my data").statusCode(200)
                .body("message", containsString("delete your personal data"))
                .body("message", containsString("email address"));
    }

    @Test
    void phoneNumberIsAnsweredFromThePagesWithoutAHandoff() {
        chat("u-phone", "what's your phone number").statusCode(200).body("outcome", not("handoff"))
                .body("message", org.hamcrest.Matchers.matchesPattern("(?s).*\\d{3}.*"))
                .body("sources.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void creditCardsStartsWithNoAndNamesThePage() {
        // the demo store takes bank transfers only
        chat("u-cards", "do you take credit cards").statusCode(200).body("message", startsWith("No."))
                .body("message", containsString("bank transfer")).body("message", containsString("Payment methods"));
    }

    @Test
    void bankTransferStartsWithYesInGerman() {
        chat("u-transfer-de", "Kann ich per Überweisung bezahlen?").statusCode(200).body("message", startsWith("Ja"));
    }

    @Test
    void cheapestHeadphonesAreListedWithTheStorePriceFormat() {
        chat("u-cheapest", "what is your cheapest keyboard?").statusCode(200)
                .body("message", startsWith("The cheapest:")).body("message", containsString("Mechanical Keyboard TKL"))
                .body("message", org.hamcrest.Matchers.matchesPattern("(?s).*\\d+,\\d{2}\u00a0€.*"));
    }

    @Test
    void anUnknownProductIsNotSoldRatherThanOutOfStock() {
        chat("u-not-sold", "are surfboards in stock?").statusCode(200).body("message", containsString("don't sell"));
    }

    @Test
    void spanishProductQuestionIsAnsweredInSpanishNamingTheEarbuds() {
        chat("u-es-earbuds", "Hola, ¿tienen auriculares inalámbricos?").statusCode(200)
                .body("message", containsString("Wireless Earbuds Pro"))
                .body("message", not(containsString("Hi! I can help")));
    }

    @Test
    void spanishOrderQuestionStartsTheOrderFlowInSpanish() {
        chat("u-es-order", "¿Dónde está mi pedido 52?").statusCode(200).body("outcome", not("handoff"))
                .body("message", containsString("correo electrónico"));
    }

    @Test
    void runningShirtInBlueMediumHasItsVariationStock() {
        chat("u-variation", "is the running shirt available in blue medium?").statusCode(200)
                .body("message", startsWith("Yes")).body("message", containsString("23"));
    }

    @Test
    void twoQuestionsInOneMessageAreBothAnswered() {
        // a store fact and a product: the phone number from the pages, and the cheapest keyboard from the catalogue
        chat("u-two", "what's your phone number and also what is your cheapest keyboard?").statusCode(200)
                .body("message", startsWith("You asked about two things:"))
                .body("message", containsString("Mechanical Keyboard TKL"))
                .body("message", org.hamcrest.Matchers.matchesPattern("(?s).*\\d{3}.*"));
    }

    @Test
    void storeFactsComeFromTheStoreProfileReadOncePerTtl() {
        gateway.resetRequests();
        chat("u-currency", "what currency are your prices in?").statusCode(200).body("message",
                startsWith("Prices are in USD"));
        chat("u-located", "where are you located?").statusCode(200).body("outcome", not("handoff"))
                .body("message", containsString("221 Harbor Street, Portland"));
        chat("u-canada", "do you ship to Canada?").statusCode(200).body("message", startsWith("Yes, we ship to Canada"))
                .body("message", containsString("$5.95"));
        chat("u-japan", "do you ship to Japan?").statusCode(200).body("message", not(startsWith("Yes")));
        chat("u-email", "how can I email you").statusCode(200).body("outcome", not("handoff"))
                .body("message", containsString("help@demo-store.example"));
        // the profile is kept per store (chat.knowledge.profile-ttl): several turns, at most one read
        int reads = gateway.findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlPathEqualTo("/internal/store/profile"))).size();
        org.junit.jupiter.api.Assertions.assertTrue(reads <= 1, reads + " profile reads");
    }

    @Test
    void englishPagesQuotedToAGermanShopperAreSaidToBeEnglish() {
        chat("u-de-return", "Wie lange habe ich Zeit für eine Rückgabe?").statusCode(200)
                .body("message", containsString("30 days")).body("message", containsString("auf Englisch"))
                .body("sources[0].title", startsWith("Refund and Returns Policy"));
        chat("u-es-customs", "¿Quién paga la aduana?").statusCode(200).body("message", containsString("recipient"))
                .body("message", containsString("inglés"));
    }

    @Test
    void aPolicyQuestionNamingAProductOrAnOrderIsAnsweredFromThePage() {
        chat("u-exchange", "can I exchange a shirt for a different size").statusCode(200)
                .body("message", containsString("new order")).body("sources[0].title", startsWith("Refund"));
        chat("u-customs", "who pays customs on my order").statusCode(200).body("message", containsString("recipient"))
                .body("sources.size()", org.hamcrest.Matchers.equalTo(1));
        chat("u-wrap", "is gift wrapping available").statusCode(200).body("message", startsWith("Not yet"));
        // a yes/no question starts with the yes or the no, then the page's sentence
        chat("u-warranty", "is there a warranty on electronics?").statusCode(200).body("message", startsWith("Yes. "))
                .body("message", containsString("one-year"));
        chat("u-checks", "do you accept checks?").statusCode(200).body("message", startsWith("No. "));
        // an order request stays one
        chat("u-where", "where is my order?").statusCode(200).body("message", containsString("order number"));
    }

    private static ValidatableResponse chat(String session, String message) {
        return Api.chat(Api.randomIp(), Map.of("domain", DOMAIN, "session_id", session, "message", message)).then();
    }
}
