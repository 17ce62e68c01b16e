package io.csc.chat.assistant;

import java.util.Map;

/** What the widget says about the shopper's page, cart and account: hints for greetings, never proof of identity. */
public record ShopperContext(Map<String, Object> userData, Map<String, Object> cartData, PageContext page) {
    public static ShopperContext empty() {
        return new ShopperContext(Map.of(), Map.of(), null);
    }
}
