package io.csc.model.cart;

/**
 * Answer of the operator triggers {@code POST /internal/carts/scan} and {@code POST /internal/carts/recovery/run}:
 * carts marked abandoned, (cart, step) claims processed, emails sent and skipped, and how long it took.
 */
public record ScanResult(long abandoned, long claimed, long sent, long skipped, long failed, long durationMillis) {
}
