package io.csc.model.commerce;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of the gateway's internal order actions (cancel, note, refund request). {@code email} is the verified email:
 * the gateway refuses (403) an order that does not belong to it.
 */
public record OrderAction(
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 1000) String reason) {
}
