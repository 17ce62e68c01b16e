package io.csc.model.commerce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A shopper's stock question, {@code POST /api/woocommerce/stock} (the widget's public route) and
 * {@code POST /internal/stock}: find products by one of productName, sku or productId and say whether they are in
 * stock. For the availability of items already known by id (a cart's lines), see {@link ItemAvailabilityRequest}.
 */
public record StockSearchRequest(
        @NotBlank @Size(max = 253) String domain,
        @Size(max = 200) String productName,
        @Size(max = 100) String sku,
        @Positive Long productId) {

    public boolean hasQuery() {
        return productId != null || (sku != null && !sku.isBlank()) || (productName != null && !productName.isBlank());
    }
}
