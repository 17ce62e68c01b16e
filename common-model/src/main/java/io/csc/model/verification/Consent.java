package io.csc.model.verification;

import java.time.Instant;

/** A recorded consent: which text the shopper agreed to, and when. */
public record Consent(String conversationId, String textVersion, Instant consentedAt) {
}
