package io.csc.model.commerce;

import java.time.Instant;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Asks the gateway for a unique single-use percent coupon restricted to one email. {@code reference} makes the
 * call idempotent: the same reference answers the same coupon (a retried recovery step does not mint a second one).
 */
public record CouponRequest(
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email,
        @Min(1) @Max(100) int percent,
        @NotNull Instant expiresAt,
        @Pattern(regexp = "[A-Za-z0-9-]{0,12}") String prefix,
        @NotBlank @Size(max = 120) String reference) {
}
