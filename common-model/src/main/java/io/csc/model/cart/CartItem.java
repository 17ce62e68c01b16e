package io.csc.model.cart;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One line of a cart, as the spec's {@code CartData.cartItems} has it (prices are decimal strings). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CartItem(
        @Size(max = 64) String id,
        @Positive long productId,
        @PositiveOrZero Long variationId,
        @Size(max = 300) String name,
        @Min(1) @Max(100_000) int quantity,
        @Pattern(regexp = "\\d{1,10}(\\.\\d{1,4})?") String price,
        @Size(max = 100) String sku,
        @Size(max = 300) String variation) {
}
