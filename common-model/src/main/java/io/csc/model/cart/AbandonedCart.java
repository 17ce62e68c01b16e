package io.csc.model.cart;

import java.time.Instant;
import java.util.List;

/** One row of the spec's abandoned-carts report. */
public record AbandonedCart(
        String sessionId,
        String email,
        String userId,
        List<CartItem> cartItems,
        String cartTotal,
        String cartCurrency,
        Instant abandonedAt,
        int recoveryEmailsSent,
        Instant lastRecoveryEmail) {
}
