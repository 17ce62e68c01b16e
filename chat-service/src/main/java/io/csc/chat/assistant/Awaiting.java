package io.csc.chat.assistant;

/**
 * What the assistant's reply waits for from the shopper's next message. Stored with the reply ({@link Dialogue}), so the
 * next turn reads it as data instead of guessing it from the reply's words.
 */
public enum Awaiting {
    NOTHING, EMAIL,
    /** The consent question (a proposal of its own: {@link Dialogue#proposalId()} is its id). */
    CONSENT, CODE, ORDER_NUMBER, ADDRESS,
    /** A proposed order change; {@link Dialogue#proposalId()} is the one the next message may confirm. */
    CONFIRMATION,
    /** An offer to pass the question to the store's team, answered yes or no. */
    HANDOFF_OFFER
}
