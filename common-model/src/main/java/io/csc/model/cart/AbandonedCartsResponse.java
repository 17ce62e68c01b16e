package io.csc.model.cart;

import java.util.List;

/**
 * {@code GET /api/woocommerce/abandoned-carts}: {@code totalCount} and {@code totalValue} cover every matching cart,
 * {@code carts} at most {@code limit} of them (most recently abandoned first).
 */
public record AbandonedCartsResponse(boolean success, List<AbandonedCart> carts, long totalCount, String totalValue) {
}
