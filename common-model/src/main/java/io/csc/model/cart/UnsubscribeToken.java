package io.csc.model.cart;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of the unsubscribe link {@code {PUBLIC_BASE_URL}/api/carts/unsubscribe?token=<token>} (plus {@code exp}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnsubscribeToken(String domain, String email) {
}
