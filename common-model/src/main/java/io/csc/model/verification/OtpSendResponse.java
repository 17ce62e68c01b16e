package io.csc.model.verification;

/**
 * The same answer whether or not the email belongs to a customer of the store (only customers get the mail), so the
 * route cannot be used to find out who shops where.
 */
public record OtpSendResponse(boolean accepted, long expiresInSeconds, long resendAfterSeconds) {
}
