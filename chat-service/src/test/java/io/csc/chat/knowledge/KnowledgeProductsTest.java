package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Products in the knowledge index: the whole catalog is read page after page (more than one page of the gateway's
 * product route), and product webhooks, as the gateway writes them to the store-events stream, refresh the store's
 * product passages: a changed product's passage is rewritten, a deleted one disappears, and nothing else is touched.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeProductsTest {
    static final String DOMAIN = "products.knowledge.test";

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    IngestService ingest;

    @Inject
    ProductEvents events;

    @Inject
    KnowledgeService knowledge;

    @Inject
    RedisDataSource redis;

    @Inject
    Pool pool;

    @ConfigProperty(name = "chat.knowledge.events.stream")
    String stream;

    DemoContent store;

    @BeforeAll
    void cleanStore() {
        DemoContent.forget(pool, DOMAIN);
        // 30 products of the demo store and 95 more: three pages of the gateway's product route
        store = DemoContent.demoStore(DOMAIN).moreProducts(95);
    }

    @AfterAll
    void dropTheStream() {
        redis.key().del(stream);
    }

    @Test
    @Order(1)
    void everyProductIsIndexedPageAfterPage() {
        assertEquals(125, store.products.size());
        store.serve(gateway);
        ReindexResult r = ingest.reindex(DOMAIN, null).await().indefinitely();
        assertTrue(r.failed().isEmpty(), r.toString());
        assertEquals(125, count("SELECT count(*) FROM chat.knowledge_source WHERE domain = $1 AND kind = 'product'"));
        assertFalse(bodies("product:1095").isEmpty(), "the last product of the third page is indexed");
        for (int page = 1; page <= 3; page++) {
            gateway.verify(getRequestedFor(urlPathEqualTo("/internal/products"))
                    .withQueryParam("domain", com.github.tomakehurst.wiremock.client.WireMock.equalTo(DOMAIN))
                    .withQueryParam("page", com.github.tomakehurst.wiremock.client.WireMock.equalTo(Integer.toString(page)))
                    .withQueryParam("limit", com.github.tomakehurst.wiremock.client.WireMock.equalTo("50")));
        }
        assertTrue(bodies("category:range-4").get(0).contains("Catalog Item 1095"), "categories of every page");
    }

    @Test
    @Order(2)
    void productWebhooksRefreshTheProductPassages() {
        // the group is created on the first poll: events from then on are read
        events.poll().await().indefinitely();
        List<String> before = bodies("product:11");
        assertTrue(before.get(0).startsWith("Classic Cotton T-Shirt"), before.toString());
        int pagesBefore = count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND source_key LIKE 'page:%'");

        store.editProduct(11, p -> {
            p.put("name", "Classic Cotton Crew T-Shirt");
            p.put("shortDescription", "<p>Heavyweight organic cotton, pre-shrunk &amp; garment dyed.</p>");
            return p;
        }).deleteProduct(12).serve(gateway);
        publish(Map.of("domain", DOMAIN, "topic", "product.updated", "productId", "11", "status", "publish"));
        publish(Map.of("domain", DOMAIN, "topic", "product.deleted", "productId", "12"));
        // a store nobody indexed: ignored, and acknowledged all the same
        publish(Map.of("domain", "never-indexed.products.knowledge.test", "topic", "product.updated", "productId", "5"));

        ProductEvents.Handled handled = events.poll().await().indefinitely();
        assertEquals(3, handled.events());

        List<String> after = bodies("product:11");
        assertEquals(List.of("Classic Cotton Crew T-Shirt (T-Shirts). Heavyweight organic cotton, pre-shrunk & garment dyed."),
                after);
        assertEquals("Classic Cotton Crew T-Shirt",
                single("SELECT title FROM chat.knowledge_source WHERE domain = $1 AND source_key = 'product:11'"));
        assertTrue(bodies("product:12").isEmpty(), "the deleted product's passage is gone");
        assertEquals(0, count("SELECT count(*) FROM chat.knowledge_source WHERE domain = $1 AND source_key = 'product:12'"));
        String tShirts = bodies("category:t-shirts").get(0);
        assertTrue(tShirts.contains("Classic Cotton Crew T-Shirt") && !tShirts.contains("Vintage Logo T-Shirt"), tShirts);
        assertEquals(pagesBefore,
                count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND source_key LIKE 'page:%'"),
                "pages are not touched by a product refresh");
        assertEquals(1, count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND source_key = 'product:11' "
                + "AND embedding IS NOT NULL AND embedding_model IS NOT NULL"), "the changed product is embedded again");

        // the search sees the change at once (the index of this replica was dropped)
        List<KnowledgeHit> hits = knowledge.search(DOMAIN, "Is the Classic Cotton Crew T-Shirt garment dyed?").await()
                .indefinitely().hits();
        assertTrue(hits.stream().anyMatch(h -> h.sourceKey().equals("product:11") && h.text().contains("garment dyed")),
                hits.toString());

        assertEquals(0, redis.stream(String.class).xpending(stream, "chat-knowledge").getPendingCount(),
                "every event acknowledged");
        assertEquals(0, events.poll().await().indefinitely().events(), "nothing read twice");
    }

    @Test
    @Order(3)
    void aDeletedProductGoesEvenWhenTheStoreIsDown() {
        assertFalse(bodies("product:13").isEmpty());
        store.down(gateway);
        publish(Map.of("domain", DOMAIN, "topic", "product.deleted", "productId", "13"));
        publish(Map.of("domain", DOMAIN, "topic", "product.updated", "productId", "14", "status", "draft"));
        events.poll().await().indefinitely();
        assertTrue(bodies("product:13").isEmpty(), "removed by the webhook's product id");
        assertTrue(bodies("product:14").isEmpty(), "a product that is no longer published goes too");
        assertFalse(bodies("product:15").isEmpty(), "the rest of the catalog stays while the store is down");
        store.serve(gateway);
    }

    private void publish(Map<String, String> event) {
        redis.stream(String.class).xadd(stream, event);
    }

    private List<String> bodies(String sourceKey) {
        List<String> out = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT body FROM chat.knowledge_passage WHERE domain = $1 AND source_key = $2 "
                + "ORDER BY ord").execute(Tuple.of(DOMAIN, sourceKey)).await().indefinitely()) {
            out.add(r.getString(0));
        }
        return out;
    }

    private int count(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(DOMAIN)).await().indefinitely().iterator().next().getLong(0)
                .intValue();
    }

    private String single(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(DOMAIN)).await().indefinitely().iterator().next().getString(0);
    }
}
