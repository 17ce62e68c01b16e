package io.csc.model.verification;

/**
 * {@code verified} is true once, for the right code; {@code attemptsLeft} counts the wrong tries the current code
 * still allows (0 when there is no live code: never sent, expired, used or locked).
 */
public record OtpVerifyResponse(boolean verified, int attemptsLeft) {
}
