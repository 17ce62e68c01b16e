package io.csc.chat.knowledge;

import java.util.List;

/**
 * One indexed thing and its passages. {@code sourceKey}: "page:9", "post:1", "product:11", "category:books",
 * "store:shipping", ...; {@code kind}: page, post, product, category, store; {@code version} decides "changed".
 */
public record KnowledgeDocument(String sourceKey, String kind, String url, String title, String version,
        List<Passage> passages) {

    /** A passage keeps the heading it sits under; {@code body} is plain text. */
    public record Passage(String heading, String body) {
    }

    /** What is embedded and shown: the page title and heading give the body its context. */
    public static String text(String title, String heading, String body) {
        StringBuilder sb = new StringBuilder(title);
        if (heading != null && !heading.isBlank() && !heading.equals(title)) {
            sb.append(" - ").append(heading);
        }
        return sb.append(": ").append(body).toString();
    }
}
