package io.csc.chat.cards;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A structured view beside a reply's text (chat-service README, "Cards in a reply"): the widget prints these fields
 * as they are, so prices arrive formatted. Absent or empty fields are left out of the JSON, never {@code null}.
 */
public sealed interface Card permits Card.Product, Card.Order, Card.Cart {

    /** {@code product}, {@code order} or {@code cart}: what the widget draws. */
    String type();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Product(String type, long id, String name, String url, Image image, Price price, Stock stock,
            List<Attribute> attributes, List<Variation> variations, AddToCart addToCart) implements Card {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Order(String type, String number, String date, String status, String statusText, List<Item> items,
            String total, Tracking tracking) implements Card {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Cart(String type, int itemCount, List<Item> items, String total, String url) implements Card {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Image(String src, String alt) {
    }

    /** {@code regular} and {@code onSale} only when the product is on sale. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Price(String formatted, String regular, Boolean onSale, String amount, String currency) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Stock(String status, Integer quantity, String text) {
    }

    record Attribute(String name, List<String> options) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Variation(long id, Map<String, String> attributes, Price price, Stock stock) {
    }

    record AddToCart(long productId, boolean needsVariation) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Item(String name, int quantity, String total) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Tracking(String carrier, String number, String url) {
    }
}
