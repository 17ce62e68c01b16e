package io.csc.model.verification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Asks for a one-time code by email. {@code clientIp} (optional) is the shopper's address, for the per-client cap. */
public record OtpSendRequest(
        @NotBlank @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId,
        @NotBlank @Size(max = 253) String domain,
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 45) String clientIp) {
}
