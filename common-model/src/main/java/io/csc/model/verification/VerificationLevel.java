package io.csc.model.verification;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The spec's verification levels. Only {@code FULL} opens a shopper's private order data. */
public enum VerificationLevel {
    /** Nothing matched (or nothing was given to match). */
    @JsonProperty("none")
    NONE,
    /** The email belongs to a customer of the store, but no order or name proved the shopper owns it. */
    @JsonProperty("partial")
    PARTIAL,
    /** The email owns the given order, or the email and the full name match a registered customer. */
    @JsonProperty("full")
    FULL
}
