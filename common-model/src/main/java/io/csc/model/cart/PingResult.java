package io.csc.model.cart;

/** Answer to the plugin's signed {@code POST /api/carts/ping} ("Test connection"): the store and its secret check out. */
public record PingResult(boolean success, String domain) {
}
