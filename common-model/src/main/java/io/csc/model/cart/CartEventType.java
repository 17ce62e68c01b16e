package io.csc.model.cart;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the WordPress plugin reports about a cart. */
public enum CartEventType {
    @JsonProperty("cart_updated")
    CART_UPDATED, @JsonProperty("checkout_email")
    CHECKOUT_EMAIL, @JsonProperty("consent")
    CONSENT, @JsonProperty("order_placed")
    ORDER_PLACED,
    /** The shopper followed a recovery email's restore link and the plugin refilled the cart. */
    @JsonProperty("cart_restored")
    CART_RESTORED
}
