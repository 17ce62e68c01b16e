package io.csc.model.verification;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a grant was earned. */
public enum VerificationMethod {
    /** Matching the given details against store data. */
    @JsonProperty("simple")
    SIMPLE,
    /** A one-time code sent by email. */
    @JsonProperty("otp")
    OTP
}
