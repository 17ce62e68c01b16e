package io.csc.chat.knowledge;

/** A passage as stored: {@code vector} is the unit embedding, or null when embeddings were off at ingest. */
public record StoredPassage(long id, String sourceKey, String url, String title, String heading, String body,
        float[] vector) {

    public String text() {
        return KnowledgeDocument.text(title, heading, body);
    }
}
