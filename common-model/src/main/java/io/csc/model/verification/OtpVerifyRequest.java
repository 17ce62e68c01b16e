package io.csc.model.verification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A code the shopper typed, exactly six digits (chat-service strips spaces and punctuation). */
public record OtpVerifyRequest(
        @NotBlank @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId,
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Pattern(regexp = "[0-9]{6}") String code) {
}
