package io.csc.model.cart;

/**
 * Answer of the operator triggers {@code POST /internal/carts/scan}, {@code /recovery/run} and {@code /retention/run}:
 * carts marked abandoned, (cart, step) claims processed, emails sent, skipped and failed, carts deleted, and how long
 * it took.
 */
public record ScanResult(long abandoned, long claimed, long sent, long skipped, long failed, long deleted,
        long durationMillis) {
}
