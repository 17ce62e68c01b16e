package io.csc.model.cart;

import java.time.Instant;
import java.util.List;

/**
 * The spec's {@code CartData} plus what the chat needs to decide on an abandonment prompt
 * ({@code GET /internal/carts/{sessionId}?domain=}). {@code abandoned} follows the same rule as the abandonment scan
 * (items, an email, guests only with consent, no order, idle longer than {@code CART_ABANDON_AFTER}), evaluated now;
 * {@code idleSeconds} is the time since the last activity whatever the rule says.
 */
public record CartContext(
        String sessionId,
        String userId,
        String email,
        boolean hasItems,
        int itemCount,
        String cartTotal,
        String cartCurrency,
        Instant lastUpdated,
        List<CartItem> cartItems,
        List<String> appliedCoupons,
        String state,
        boolean abandoned,
        Instant abandonedAt,
        Long abandonedForSeconds,
        long idleSeconds,
        int recoveryEmailsSent,
        boolean converted) {
}
