package io.csc.model.cart;

/** Payload of the unsubscribe link {@code {PUBLIC_BASE_URL}/api/carts/unsubscribe?token=<token>} (plus {@code exp}). */
public record UnsubscribeToken(String domain, String email) {
}
