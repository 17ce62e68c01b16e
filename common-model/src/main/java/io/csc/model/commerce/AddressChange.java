package io.csc.model.commerce;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code PUT /internal/orders/{id}/shipping}: the new address for one order of the verified email. */
public record AddressChange(
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email,
        @NotNull @Valid Address address) {
}
