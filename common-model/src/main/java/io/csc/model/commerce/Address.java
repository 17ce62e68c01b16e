package io.csc.model.commerce;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A shipping address as WooCommerce keeps it. */
public record Address(
        @Size(max = 100) String firstName,
        @Size(max = 100) String lastName,
        @Size(max = 100) String company,
        @NotBlank @Size(max = 200) String address1,
        @Size(max = 200) String address2,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String state,
        @NotBlank @Size(max = 20) String postcode,
        @NotBlank @Size(min = 2, max = 2) String country,
        @Size(max = 40) String phone) {
}
