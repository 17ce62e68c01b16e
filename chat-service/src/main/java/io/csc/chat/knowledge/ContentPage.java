package io.csc.chat.knowledge;

/**
 * A WordPress page or post as the gateway relays it ({@code GET /internal/content/pages?type=pages|posts}):
 * {@code title} and {@code html} are WordPress's {@code rendered} HTML, {@code modifiedGmt} its {@code modified_gmt}.
 */
public record ContentPage(long id, String type, String slug, String link, String title, String html, String dateGmt,
        String modifiedGmt) {
}
