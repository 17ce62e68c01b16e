package io.csc.model.verification;

/** The level only: never which of the given fields matched or not. */
public record SimpleVerificationResponse(VerificationLevel level) {
}
