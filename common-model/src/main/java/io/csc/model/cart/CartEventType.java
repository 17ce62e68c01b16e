package io.csc.model.cart;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the WordPress plugin reports about a cart. */
public enum CartEventType {
    @JsonProperty("cart_updated")
    CART_UPDATED, @JsonProperty("checkout_email")
    CHECKOUT_EMAIL, @JsonProperty("consent")
    CONSENT, @JsonProperty("order_placed")
    ORDER_PLACED
}
