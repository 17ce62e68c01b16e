package io.csc.verification.limit;

import io.csc.web.ApiException;

/** 429 with the seconds after which trying again can succeed ({@code Retry-After}). */
public class TooManyAttemptsException extends ApiException {
    private final long retryAfterSeconds;

    public TooManyAttemptsException(String code, String message, long retryAfterSeconds) {
        super(429, code, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
