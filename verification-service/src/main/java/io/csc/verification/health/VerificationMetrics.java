package io.csc.verification.health;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters for operators ({@code /q/metrics}): verifications by method and outcome, code sends, mails and lockouts.
 * Tags are small fixed sets; never an email or a conversation.
 */
@Singleton
public class VerificationMetrics {
    private final MeterRegistry registry;

    public VerificationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** method {@code simple|otp}; outcome a level ({@code none|partial|full}) or {@code verified|wrong|expired|locked}. */
    public void verification(String method, String outcome) {
        registry.counter("verification.attempts", "method", method, "outcome", outcome).increment();
    }

    /** outcome {@code accepted|cooldown|rate_limited|failed}. */
    public void otpSend(String outcome) {
        registry.counter("verification.otp.sends", "outcome", outcome).increment();
    }

    /** outcome {@code sent|failed}. */
    public void otpMail(String outcome) {
        registry.counter("verification.otp.mails", "outcome", outcome).increment();
    }

    public void lockout() {
        registry.counter("verification.otp.lockouts").increment();
    }
}
