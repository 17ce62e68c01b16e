package io.csc.chat.knowledge;

/**
 * A WordPress page or post as the gateway relays it from {@code /wp-json/wp/v2/pages|posts}: {@code title} and
 * {@code content} are WordPress's {@code rendered} HTML, {@code modifiedGmt} its {@code modified_gmt}.
 */
public record ContentPage(long id, String type, String slug, String link, String title, String content,
        String modifiedGmt) {
}
