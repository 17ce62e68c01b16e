package io.csc.model.commerce;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Availability of several items known by product and variation id, at once ({@code POST /internal/stock/check},
 * internal only): cart-service asks it before it sends a recovery email. No search, unlike {@link StockSearchRequest}.
 */
public record ItemAvailabilityRequest(
        @NotBlank @Size(max = 253) String domain,
        @NotNull @Size(max = 100) List<@Valid Item> items) {

    public record Item(@Positive long productId, @PositiveOrZero long variationId) {
    }
}
