package io.csc.model.commerce;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One product's availability, field names as the spec gives them. */
public record StockProduct(
        long id,
        String name,
        String sku,
        String price,
        @JsonProperty("stock_status") String stockStatus,
        @JsonProperty("stock_quantity") Integer stockQuantity) {
}
