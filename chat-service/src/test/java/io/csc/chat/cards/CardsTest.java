package io.csc.chat.cards;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.csc.chat.support.Stubs;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cards through {@code /api/chat} and its stream, with the gateway stubbed (WireMock): prices in the store's format,
 * sale and variations, orders only when the gate let the turn read them.
 */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class CardsTest {
    private static final String NBSP = "\u00a0";

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    static String product(long id, String name, String type, String price, String regular, boolean onSale, String stock,
            Integer qty, String image, String variations) {
        return """
                {"id": %d, "name": "%s", "type": "%s", "sku": "SKU-%d", "price": "%s", "regularPrice": "%s",
                 "salePrice": "%s", "onSale": %s, "stockStatus": "%s", "stockQuantity": %s,
                 "permalink": "https://shop.test/product/p-%d/", "shortDescription": "", "categories": [],
                 "variations": %s, "image": %s}"""
                .formatted(id, name, type, id, price, regular, onSale ? price : "", onSale, stock, qty, id, variations,
                        image);
    }

    private static JsonPath ask(Chats c, String message) {
        return Api.chat(c.ip(), c.turn(message)).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aProductQuestionAnswersAProductCardWithTheStoresPrice() {
        Chats c = Chats.open();
        Stubs.productsOf(ServicesResource.gateway, c.domain(), "lantern", "[" + product(70, "Camping Lantern", "simple",
                "19.99", "19.99", false, "instock", 12,
                "{\"src\": \"https://shop.test/wp-content/uploads/lantern.png\", \"alt\": \"A green lantern\"}", "[]") + "]");
        JsonPath r = ask(c, "tell me more about the camping lantern");
        assertEquals("product", r.getString("cards[0].type"), r.prettify());
        assertEquals(70, r.getInt("cards[0].id"));
        assertEquals("Camping Lantern", r.getString("cards[0].name"));
        assertEquals("$19.99", r.getString("cards[0].price.formatted"));
        assertEquals("19.99", r.getString("cards[0].price.amount"));
        assertEquals("USD", r.getString("cards[0].price.currency"));
        assertNull(r.get("cards[0].price.regular"), "not on sale: no regular price");
        assertEquals("In stock", r.getString("cards[0].stock.text"));
        assertEquals(12, r.getInt("cards[0].stock.quantity"));
        assertEquals("https://shop.test/wp-content/uploads/lantern.png", r.getString("cards[0].image.src"));
        assertEquals("A green lantern", r.getString("cards[0].image.alt"));
        assertEquals("https://shop.test/product/p-70/", r.getString("cards[0].url"));
        assertEquals(Map.of("productId", 70, "needsVariation", false), r.getMap("cards[0].addToCart"));
        // the card shows the link: neither the text nor the sources repeat it
        assertFalse(r.getString("message").contains("https://shop.test/product/p-70/"), r.getString("message"));
        assertTrue(r.getString("message").contains("Camping Lantern"), r.getString("message"));
        List<String> sources = r.getList("sources.url");
        assertTrue(sources == null || !sources.contains("https://shop.test/product/p-70/"), String.valueOf(sources));
    }

    @Test
    void aEuroStoreWritesCommaDecimalsAndTheSymbolAfterASpace() {
        Chats c = Chats.open();
        Stubs.priceFormat(ServicesResource.gateway, c.domain(), "EUR", "€", "right_space", ".", ",", 2);
        Stubs.productsOf(ServicesResource.gateway, c.domain(), "lantern", "[" + product(70, "Camping Lantern", "simple",
                "19.99", "19.99", false, "instock", null, "null", "[]") + "]");
        JsonPath r = ask(c, "tell me more about the camping lantern");
        assertEquals("19,99" + NBSP + "€", r.getString("cards[0].price.formatted"), r.prettify());
        assertEquals("EUR", r.getString("cards[0].price.currency"));
        assertNull(r.get("cards[0].image"), "no image: none in the card");
        // the store's format is kept: the next turns with cards do not ask the gateway again
        ask(c, "tell me more about the camping lantern");
        ask(c, "is the camping lantern in stock?");
        ServicesResource.gateway.verify(1, getRequestedFor(urlPathEqualTo("/internal/store/price-format"))
                .withQueryParam("domain", equalTo(c.domain())));
    }

    @Test
    void anOnSaleProductShowsItsRegularPrice() {
        Chats c = Chats.open();
        Stubs.productsOf(ServicesResource.gateway, c.domain(), "lantern", "[" + product(71, "Camping Lantern", "simple",
                "15.00", "1250", true, "instock", 3, "null", "[]") + "]");
        JsonPath r = ask(c, "tell me more about the camping lantern");
        assertEquals("$15.00", r.getString("cards[0].price.formatted"), r.prettify());
        assertEquals("$1,250.00", r.getString("cards[0].price.regular"));
        assertEquals(true, r.getBoolean("cards[0].price.onSale"));
    }

    @Test
    void aVariableProductListsItsAttributesAndInStockVariations() {
        Chats c = Chats.open();
        String variations = """
                [{"id": 81, "sku": "TS-R-S", "price": "34.00", "stockStatus": "instock", "stockQuantity": 10, "attributes": ["Color: Red", "Size: S"]},
                 {"id": 82, "sku": "TS-R-M", "price": "34.00", "stockStatus": "outofstock", "stockQuantity": 0, "attributes": ["Color: Red", "Size: M"]},
                 {"id": 83, "sku": "TS-B-M", "price": "29.00", "stockStatus": "instock", "stockQuantity": 4, "attributes": ["Color: Blue", "Size: M"]}]""";
        String shirt = product(80, "Trail Shirt", "variable", "29.00", "29.00", false, "instock", null, "null", variations);
        Stubs.productsOf(ServicesResource.gateway, c.domain(), "shirt", "[" + shirt + "]");
        Stubs.productOf(ServicesResource.gateway, c.domain(), 80, shirt);
        JsonPath r = ask(c, "tell me more about the trail shirt");
        assertEquals("Trail Shirt", r.getString("cards[0].name"), r.prettify());
        assertEquals(List.of("Color", "Size"), r.getList("cards[0].attributes.name"));
        assertEquals(List.of("Red", "Blue"), r.getList("cards[0].attributes[0].options"));
        assertEquals(List.of("S", "M"), r.getList("cards[0].attributes[1].options"));
        assertEquals(List.of(81, 83), r.getList("cards[0].variations.id"), "the out-of-stock variation is left out");
        assertEquals(Map.of("Color", "Blue", "Size", "M"), r.getMap("cards[0].variations[1].attributes"));
        assertEquals("$29.00", r.getString("cards[0].variations[1].price.formatted"));
        assertEquals(true, r.getBoolean("cards[0].addToCart.needsVariation"));
    }

    @Test
    void aVariableProductFoundBySearchAloneCarriesItsVariations() {
        // the gateway's product list carries a variable product's variations (as the store lists them); the product
        // route is not stubbed here, so the card's options come from the search result
        Chats c = Chats.open();
        String variations = """
                [{"id": 45, "sku": "RS-B-M", "price": "29.00", "stockStatus": "instock", "stockQuantity": 23, "attributes": ["Color: Blue", "Size: M"]},
                 {"id": 42, "sku": "RS-R-M", "price": "34.00", "stockStatus": "outofstock", "stockQuantity": 0, "attributes": ["Color: Red", "Size: M"]},
                 {"id": 43, "sku": "RS-R-L", "price": "29.00", "stockStatus": "instock", "stockQuantity": 3, "attributes": ["Color: Red", "Size: L"]}]""";
        // the store's product list, searched or read a page at a time (the catalogue the assistant reasons over)
        ServicesResource.gateway.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(c.domain()))
                .atPriority(4).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("[" + product(40, "Performance Running Shirt", "variable", "29.00", "29.00", false,
                                "instock", null, "null", variations) + "]")));
        JsonPath r = ask(c, "Do you have the Performance Running Shirt?");
        assertEquals("Performance Running Shirt", r.getString("cards[0].name"), r.prettify());
        assertEquals(List.of(45, 43), r.getList("cards[0].variations.id"));
        assertEquals(Map.of("Color", "Blue", "Size", "M"), r.getMap("cards[0].variations[0].attributes"));
        assertEquals("$29.00", r.getString("cards[0].variations[0].price.formatted"));
        assertEquals("In stock", r.getString("cards[0].variations[0].stock.text"));
        assertEquals(Map.of("productId", 40, "needsVariation", true), r.getMap("cards[0].addToCart"));
    }

    @Test
    void aVerifiedOrderQuestionAnswersAnOrderCardWithItsItems() {
        Chats c = Chats.open();
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        JsonPath r = ask(c, "what's the status of order 1001?");
        assertEquals("order", r.getString("cards[0].type"), r.prettify());
        assertEquals("1001", r.getString("cards[0].number"));
        assertEquals("processing", r.getString("cards[0].status"));
        assertEquals("Processing", r.getString("cards[0].statusText"));
        assertEquals("2026-11-20T09:30:00", r.getString("cards[0].date"));
        assertEquals("Blue Hoodie", r.getString("cards[0].items[0].name"));
        assertEquals(1, r.getInt("cards[0].items[0].quantity"));
        // the order's own currency (EUR) in the store's format (symbol left, "." decimals)
        assertEquals("€55.00", r.getString("cards[0].items[0].total"));
        assertEquals("€59.90", r.getString("cards[0].total"));
        assertEquals("DHL", r.getString("cards[0].tracking.carrier"));
        assertEquals("TRK1001", r.getString("cards[0].tracking.number"));
        assertEquals(1, r.getList("cards").size());
    }

    @Test
    void noOrderCardWithoutTheGatesPermission() {
        Chats unverified = Chats.open();
        JsonPath r = ask(unverified, "what's the status of order 1001?");
        assertNull(r.get("cards"), r.prettify());
        ServicesResource.gateway.verify(0, getRequestedFor(urlPathMatching("/internal/orders.*")));
        // verified as Alice, asking for Bob's order: refused, so no card either
        Chats alice = Chats.open();
        Stubs.grant(ServicesResource.verification, alice.conversationId(), Stubs.ALICE, "otp");
        JsonPath bobs = ask(alice, "what's the status of order 2001?");
        assertNull(bobs.get("cards"), bobs.prettify());
        assertFalse(bobs.getString("message").contains("Blue Hoodie"));
    }

    @Test
    void withoutThePriceFormatCardsShowTheAmountAndCurrencyCode() {
        Chats c = Chats.open();
        ServicesResource.gateway.stubFor(get(urlPathEqualTo("/internal/store/price-format"))
                .withQueryParam("domain", equalTo(c.domain())).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"down\", \"code\": \"service_unavailable\"}")));
        Stubs.grant(ServicesResource.verification, c.conversationId(), Stubs.ALICE, "otp");
        JsonPath r = ask(c, "what's the status of order 1001?");
        assertEquals("59.90 EUR", r.getString("cards[0].total"), r.prettify());
        assertEquals("55.00 EUR", r.getString("cards[0].items[0].total"));
    }

    @Test
    void aCartQuestionAnswersACartCardWithTheStoresCartPage() {
        Chats c = Chats.open();
        // cart-service's cart of this session: 2 x Blue Hoodie at 21.00 EUR, total 42.00; the store writes EUR as
        // "42,00 €" (right_space, "." thousands, "," decimals); its cart page is WooCommerce's "warenkorb" page
        Stubs.cartOf(ServicesResource.cart, c.session(), false, 2);
        Stubs.priceFormat(ServicesResource.gateway, c.domain(), "EUR", "€", "right_space", ".", ",", 2);
        ServicesResource.gateway.stubFor(get(urlPathEqualTo("/internal/store/pages"))
                .withQueryParam("domain", equalTo(c.domain())).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"cart\": \"https://laden.test/warenkorb/\"}")));
        JsonPath r = ask(c, "what's in my cart?");
        assertEquals("cart", r.getString("cards[0].type"), r.prettify());
        assertEquals(2, r.getInt("cards[0].itemCount"));
        assertEquals("Blue Hoodie", r.getString("cards[0].items[0].name"));
        assertEquals(2, r.getInt("cards[0].items[0].quantity"));
        assertEquals("42,00" + NBSP + "€", r.getString("cards[0].items[0].total"));
        assertEquals("42,00" + NBSP + "€", r.getString("cards[0].total"));
        assertEquals("https://laden.test/warenkorb/", r.getString("cards[0].url"));
    }

    @Test
    void withoutTheStorePagesTheCartCardHasNoLink() {
        Chats c = Chats.open();
        Stubs.cartOf(ServicesResource.cart, c.session(), false, 1);
        ServicesResource.gateway.stubFor(get(urlPathEqualTo("/internal/store/pages"))
                .withQueryParam("domain", equalTo(c.domain())).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\": false, \"error\": \"down\", \"code\": \"service_unavailable\"}")));
        JsonPath r = ask(c, "what's in my cart?");
        assertEquals("cart", r.getString("cards[0].type"), r.prettify());
        assertEquals(1, r.getInt("cards[0].itemCount"));
        assertNull(r.get("cards[0].url"));
    }

    @Test
    void theStreamsDoneEventCarriesTheCards() {
        Chats c = Chats.open();
        Stubs.productsOf(ServicesResource.gateway, c.domain(), "lantern", "[" + product(70, "Camping Lantern", "simple",
                "19.99", "19.99", false, "instock", 12, "null", "[]") + "]");
        String sse = Api.client(c.ip()).accept("text/event-stream").body(c.turn("tell me more about the camping lantern"))
                .post("/api/chat/stream").then().statusCode(200).extract().asString();
        int done = sse.indexOf("event:done") >= 0 ? sse.indexOf("event:done") : sse.indexOf("event: done");
        assertTrue(done >= 0, sse);
        String data = sse.substring(sse.indexOf("data:", done) + 5).trim();
        data = data.lines().findFirst().orElse("").trim();
        JsonPath r = JsonPath.from(data);
        assertEquals("product", r.getString("cards[0].type"), data);
        assertEquals("$19.99", r.getString("cards[0].price.formatted"));
    }
}
