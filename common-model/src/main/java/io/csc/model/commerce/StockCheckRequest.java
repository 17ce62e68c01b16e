package io.csc.model.commerce;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Availability of several cart items at once ({@code POST /internal/stock/check}). */
public record StockCheckRequest(
        @NotBlank @Size(max = 253) String domain,
        @NotNull @Size(max = 100) List<@Valid Item> items) {

    public record Item(@Positive long productId, @PositiveOrZero long variationId) {
    }
}
