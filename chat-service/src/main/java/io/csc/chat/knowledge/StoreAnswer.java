package io.csc.chat.knowledge;

import java.time.OffsetDateTime;

/** An answer the store's staff wrote for a question shoppers ask: store knowledge that goes before the store's pages. */
@io.quarkus.runtime.annotations.RegisterForReflection
public record StoreAnswer(long id, String domain, String question, String answer, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
    /** How an answer is cited in a reply's sources. */
    public static final String TITLE = "Store answer";

    public String sourceKey() {
        return "answer:" + id;
    }
}
