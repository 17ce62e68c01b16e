package io.csc.gateway.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.gateway.woo.WooResponse;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Following WordPress's pagination: every page up to X-WP-TotalPages, never past it (WordPress answers that 400). */
class StoreContentServiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ActiveTenant TENANT = new ActiveTenant("wp.test", "WP", URI.create("https://wp.test"), true,
            "ck_x", "cs_x", "secret", List.of(), null, false);

    /** A WordPress with {@code total} pages of content, 100 a page, refusing a page past the end like WordPress. */
    static final class FakeWordPress extends WooCommerceApi {
        final int total;
        final List<Integer> pagesAsked = new ArrayList<>();

        FakeWordPress(int total) {
            super(null, JSON);
            this.total = total;
        }

        @Override
        public Uni<WooResponse> listWordPressContent(ActiveTenant t, String type, Map<String, ?> filters) {
            int page = (Integer) filters.get("page");
            int perPage = (Integer) filters.get("per_page");
            pagesAsked.add(page);
            int pages = (int) Math.ceil(total / (double) perPage);
            if (page > 1 && page > pages) {
                return Uni.createFrom().failure(new WooException(WooException.Kind.REJECTED, 400,
                        "rest_post_invalid_page_number",
                        "The page number requested is larger than the number of pages available.", 400));
            }
            ArrayNode items = JSON.createArrayNode();
            for (int i = (page - 1) * perPage; i < Math.min(total, page * perPage); i++) {
                items.addObject().put("id", i + 1).put("slug", "p" + (i + 1)).putObject("title").put("rendered", "P" + (i + 1));
            }
            return Uni.createFrom().item(new WooResponse(200, items, total, pages, null));
        }
    }

    @Test
    void followsEveryPageAndStopsAtTheLast() {
        FakeWordPress wp = new FakeWordPress(250);
        var items = new StoreContentService(wp).content(TENANT, "pages", null).await().indefinitely();
        assertEquals(250, items.size());
        assertEquals(List.of(1, 2, 3), wp.pagesAsked);
        assertEquals("p250", items.get(249).slug());
        assertEquals("page", items.get(0).type());
    }

    @Test
    void anEmptySiteIsOneRequest() {
        FakeWordPress wp = new FakeWordPress(0);
        assertEquals(0, new StoreContentService(wp).content(TENANT, "posts", null).await().indefinitely().size());
        assertEquals(List.of(1), wp.pagesAsked);
    }

    @Test
    void refusesOtherTypesAndBadDates() {
        StoreContentService service = new StoreContentService(new FakeWordPress(1));
        assertThrows(ApiException.class, () -> service.content(TENANT, "users", null));
        assertThrows(ApiException.class, () -> service.content(TENANT, "pages", "last tuesday"));
    }
}
