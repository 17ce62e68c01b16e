package io.csc.chat.assistant;

/** The page the widget runs on. {@code type}: product|cart|checkout|other. */
public record PageContext(String type, Long productId, String url) {
}
