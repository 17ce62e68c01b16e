package io.csc.model.commerce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** {@code POST /api/woocommerce/stock}: one of productName, sku or productId. */
public record StockRequest(
        @NotBlank @Size(max = 253) String domain,
        @Size(max = 200) String productName,
        @Size(max = 100) String sku,
        @Positive Long productId) {

    public boolean hasQuery() {
        return productId != null || (sku != null && !sku.isBlank()) || (productName != null && !productName.isBlank());
    }
}
