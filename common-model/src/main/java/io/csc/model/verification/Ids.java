package io.csc.model.verification;

/** Shapes shared by the verification records and the routes that take them in the path. */
public final class Ids {
    /** Conversation ids end up in Redis keys and key patterns: no glob characters, no whitespace. */
    public static final String CONVERSATION_ID = "[A-Za-z0-9._:-]{1,128}";

    private Ids() {
    }
}
