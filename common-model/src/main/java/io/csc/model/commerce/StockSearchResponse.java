package io.csc.model.commerce;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer to a {@link StockSearchRequest}, the spec's stock answer: {@code {success, message?, products?, error?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockSearchResponse(boolean success, String message, List<StockProduct> products, String error) {
    public static StockSearchResponse found(List<StockProduct> products) {
        String message = products.isEmpty() ? "No matching products found" : null;
        return new StockSearchResponse(true, message, products, null);
    }
}
