package io.csc.chat.assistant;

/** A page an answer is drawn from (a product, a policy page). */
public record Source(String url, String title, double relevance) {
}
