package io.csc.cart.recovery;

import java.time.Instant;
import java.util.UUID;

import io.csc.cart.carts.CartRow;
import io.vertx.mutiny.sqlclient.Row;

/** One (cart, step) this replica holds until {@code leaseUntil}; {@code couponCode} is set once a coupon exists. */
record Claim(long cartId, int step, int attempts, UUID token, Instant leaseUntil, String couponCode, Integer couponPercent,
        Instant couponExpiresAt) {

    static Claim from(Row row) {
        return new Claim(row.getLong("cart_id"), row.getInteger("step"), row.getInteger("attempts"),
                row.getUUID("claim_token"), CartRow.instant(row, "lease_until"), row.getString("coupon_code"),
                row.getInteger("coupon_percent"), CartRow.instant(row, "coupon_expires_at"));
    }

    /** Appears in the Message-ID and a header: lets anyone (and the tests) see which step a mail was. */
    String reference() {
        return "cart-" + cartId + "-step-" + step;
    }
}
