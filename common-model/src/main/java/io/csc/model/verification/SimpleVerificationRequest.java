package io.csc.model.verification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Information matching (the spec's simple verification). Every field but the conversation and the store is optional;
 * without an email the answer is {@code none}. {@code clientIp} is the shopper's address as chat-service sees it, for
 * the per-client attempt cap.
 */
public record SimpleVerificationRequest(
        @NotBlank @Pattern(regexp = Ids.CONVERSATION_ID) String conversationId,
        @NotBlank @Size(max = 253) String domain,
        @Email @Size(max = 254) String email,
        @Size(max = 32) String orderNumber,
        @Size(max = 200) String name,
        @Size(max = 45) String clientIp) {
}
