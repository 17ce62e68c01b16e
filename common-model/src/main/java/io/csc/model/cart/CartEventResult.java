package io.csc.model.cart;

/**
 * Answer to a cart event: {@code applied} is false when the event was a duplicate or older than what the cart
 * already reflects (it is still accepted, so the plugin does not retry it).
 */
public record CartEventResult(boolean success, boolean applied, String state) {
}
