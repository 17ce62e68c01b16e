package io.csc.model.cart;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/carts/events} (signed by the WordPress plugin). {@code occurredAt} is the event time used
 * for idempotence: an event older than what the cart already reflects changes nothing. When absent, the signed
 * {@code X-CSC-Timestamp} stands in. {@code consent} only matters for {@code consent} events, {@code orderId} and
 * {@code orderTotal} for {@code order_placed} ({@code orderId} is WooCommerce's numeric order id, sent as a number or
 * a string of digits). {@code step} only matters for {@code cart_restored}: the recovery email whose restore link was
 * followed (the restore token's {@code step}; absent for tokens made before it existed).
 */
public record CartEvent(
        @NotNull CartEventType type,
        @NotBlank @Size(max = 200) String sessionId,
        @Size(max = 64) String userId,
        @Email @Size(max = 254) String email,
        @Size(max = 200) List<@NotNull @Valid CartItem> cartItems,
        @Pattern(regexp = "\\d{1,10}(\\.\\d{1,4})?") String cartTotal,
        @Pattern(regexp = "[A-Z]{3}") String cartCurrency,
        @Size(max = 50) List<@NotNull @Size(max = 64) String> appliedCoupons,
        @Pattern(regexp = "[0-9]{1,20}") String orderId,
        @Pattern(regexp = "\\d{1,10}(\\.\\d{1,4})?") String orderTotal,
        Boolean consent,
        Instant occurredAt,
        @Min(1) @Max(100) Integer step) {
}
