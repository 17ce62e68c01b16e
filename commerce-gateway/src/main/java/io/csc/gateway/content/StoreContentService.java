package io.csc.gateway.content;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * A store's published WordPress content (pages or posts), every page of it, for the chat's knowledge ingest. Read
 * from WordPress's public REST API without credentials, 100 items a request, following {@code X-WP-TotalPages} (never
 * asking past it: WordPress answers that with a 400, unlike WooCommerce).
 */
@ApplicationScoped
public class StoreContentService {
    /** At most this many requests per call (10,000 items): a store with more is cut off, never looped on. */
    static final int MAX_PAGES = 100;
    private static final String FIELDS = "id,slug,link,title,content,date_gmt,modified_gmt";

    private final WooCommerceApi woo;

    public StoreContentService(WooCommerceApi woo) {
        this.woo = woo;
    }

    /** One published page or post: its HTML as WordPress renders it, and its last change in UTC. */
    public record ContentItem(long id, String type, String slug, String link, String title, String html,
            String dateGmt, String modifiedGmt) {
    }

    /**
     * @param type          "pages" or "posts"
     * @param modifiedAfter optional ISO 8601 date-time; only items changed after it (for incremental re-indexing)
     */
    public Uni<List<ContentItem>> content(ActiveTenant tenant, String type, String modifiedAfter) {
        if (!"pages".equals(type) && !"posts".equals(type)) {
            throw ApiException.badRequest("type must be pages or posts");
        }
        if (modifiedAfter != null && !modifiedAfter.isBlank() && !isDateTime(modifiedAfter.strip())) {
            throw ApiException.badRequest("modified_after must be an ISO 8601 date-time like 2026-11-25T21:50:00Z");
        }
        List<ContentItem> items = new ArrayList<>();
        return page(tenant, type, modifiedAfter, 1, items);
    }

    private Uni<List<ContentItem>> page(ActiveTenant tenant, String type, String modifiedAfter, int page,
            List<ContentItem> items) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("per_page", 100);
        filters.put("page", page);
        filters.put("orderby", "id");
        filters.put("order", "asc");
        filters.put("_fields", FIELDS);
        if (modifiedAfter != null && !modifiedAfter.isBlank()) {
            filters.put("modified_after", modifiedAfter.strip());
        }
        return woo.listWordPressContent(tenant, type, filters)
                .onFailure(e -> page > 1 && e instanceof WooException w && w.storeStatus() == 400)
                .recoverWithItem(() -> null) // the list shrank while we read it: what we have is all there is
                .chain(response -> {
                    if (response == null) {
                        return Uni.createFrom().item(items);
                    }
                    response.items().forEach(item -> items.add(item(item, type)));
                    int pages = response.totalPages() == null ? 1 : response.totalPages();
                    if (page >= pages || page >= MAX_PAGES || response.items().isEmpty()) {
                        return Uni.createFrom().item(items);
                    }
                    return page(tenant, type, modifiedAfter, page + 1, items);
                });
    }

    private static ContentItem item(JsonNode json, String type) {
        return new ContentItem(json.path("id").asLong(), type.substring(0, type.length() - 1),
                json.path("slug").asText(null), json.path("link").asText(null),
                json.path("title").path("rendered").asText(""), json.path("content").path("rendered").asText(""),
                json.path("date_gmt").asText(null), json.path("modified_gmt").asText(null));
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
