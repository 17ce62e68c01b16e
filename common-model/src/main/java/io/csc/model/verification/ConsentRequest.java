package io.csc.model.verification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The shopper agreed to the consent text of this version (the spec's consent step before order data is used). */
public record ConsentRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String textVersion) {
}
