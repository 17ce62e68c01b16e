package io.csc.model.privacy;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Export or delete everything a service keeps about one email in one store. */
public record PrivacyRequest(
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email) {
}
