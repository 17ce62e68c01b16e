package io.csc.model.commerce;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The spec's stock answer: {@code {success, message?, products?, error?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StockResponse(boolean success, String message, List<StockProduct> products, String error) {
    public static StockResponse found(List<StockProduct> products) {
        String message = products.isEmpty() ? "No matching products found" : null;
        return new StockResponse(true, message, products, null);
    }
}
