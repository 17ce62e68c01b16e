package io.csc.model.verification;

/** Shapes shared by the verification records. */
final class Ids {
    /** Conversation ids end up in Redis keys and key patterns: no glob characters, no whitespace. */
    static final String CONVERSATION_ID = "[A-Za-z0-9._:-]{1,128}";

    private Ids() {
    }
}
