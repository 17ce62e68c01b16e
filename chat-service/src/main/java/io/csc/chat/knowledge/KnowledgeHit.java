package io.csc.chat.knowledge;

/**
 * A passage that answers a question. {@code relevance} (0..1) is what ranks and what the threshold applies to;
 * {@code meaning} (cosine of the embeddings) and {@code fullText} (PostgreSQL's rank, 0..1) are its parts;
 * {@code coverage} the share of the question's words the passage contains.
 */
public record KnowledgeHit(String url, String title, String heading, String text, double relevance, double meaning,
        double fullText, double coverage, String sourceKey) {
}
