package io.csc.model.commerce;

import java.time.Instant;

/** A coupon created in WooCommerce for one shopper. */
public record CouponIssued(long id, String code, int percent, Instant expiresAt) {
}
