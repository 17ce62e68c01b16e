package io.csc.chat.llm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.csc.chat.llm.OpenAiStubs.toolThenAnswer;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In LLM mode the cards come from the model's tool results, through the same compose step as the built-in's. */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class LlmCardsTest {

    @BeforeEach
    void reset() {
        wm().resetAll();
    }

    @Test
    void theModelsProductSearchAnswersAProductCardInTheStoresFormat() {
        String domain = Api.randomDomain();
        wm().stubFor(get(urlPathEqualTo("/internal/tenants/" + domain)).willReturn(okJson("""
                {"domain": "%s", "storeName": "Test Store", "storeUrl": "https://%s", "woocommerceEnabled": true,
                 "allowedOrigins": ["https://%s"], "pluginSecret": "plugin-secret-for-tests-0123456789",
                 "supportEmail": "support@%s", "developmentStore": false}""".formatted(domain, domain, domain, domain))));
        wm().stubFor(get(urlPathEqualTo("/internal/store/price-format")).withQueryParam("domain", equalTo(domain))
                .willReturn(okJson("""
                        {"currency": "EUR", "symbol": "€", "position": "right_space", "thousandSeparator": ".",
                         "decimalSeparator": ",", "decimals": 2}""")));
        wm().stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(domain)).willReturn(
                okJson("""
                        [{"id": 70, "name": "Camping Lantern", "type": "simple", "sku": "LAN-1", "price": "19.99", "regularPrice": "24.00",
                          "salePrice": "19.99", "onSale": true, "stockStatus": "instock", "stockQuantity": 4,
                          "permalink": "https://shop.test/product/lantern/", "shortDescription": "", "categories": [],
                          "variations": [], "image": {"src": "https://shop.test/lantern.png", "alt": null}}]""")));
        toolThenAnswer("searchProducts", "{\"query\":\"lantern\"}", "We have the Camping Lantern on sale.");

        JsonPath r = Api.chat(Api.randomIp(), Map.of("message", "do you have lanterns?", "session_id", Api.session(),
                "domain", domain)).then().statusCode(200).extract().jsonPath();

        assertEquals("We have the Camping Lantern on sale.", r.getString("message"), r.prettify());
        assertEquals("product", r.getString("cards[0].type"));
        assertEquals("19,99\u00a0€", r.getString("cards[0].price.formatted"));
        assertEquals("24,00\u00a0€", r.getString("cards[0].price.regular"));
        assertEquals("Camping Lantern", r.getString("cards[0].image.alt"), "no alt text: the product's name");
        List<String> sources = r.getList("sources.url");
        assertTrue(sources == null || !sources.contains("https://shop.test/product/lantern/"), String.valueOf(sources));
    }
}
