package io.csc.model.verification;

import java.time.Instant;

/**
 * What a conversation has proved: the email, the level and how. Private tools trust only this (fetched by
 * conversation id), never what the model says. {@code consent} is null until the shopper consented.
 */
public record VerificationGrant(
        String conversationId,
        String domain,
        String email,
        VerificationLevel level,
        VerificationMethod method,
        Instant verifiedAt,
        Instant expiresAt,
        Consent consent) {
}
