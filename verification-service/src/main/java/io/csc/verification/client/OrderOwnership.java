package io.csc.verification.client;

/** What the gateway says about an order for an email: only {@code OWNED} says the order exists. */
public enum OrderOwnership {
    OWNED, NOT_OWNED, NOT_FOUND
}
