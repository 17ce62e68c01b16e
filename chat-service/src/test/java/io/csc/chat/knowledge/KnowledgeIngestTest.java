package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.tools.KnowledgeTools;
import io.csc.chat.tools.ToolResult;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ingest through the gateway's content routes (stubbed with the recorded WordPress shapes and pages as a theme renders
 * them: entities, tables, scripts, styles, shortcodes): what becomes passages, re-index counts, a changed page, a
 * deleted page, a store that is down, and the knowledge tool's answers. The tests run in order on one store.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeIngestTest {
    static final String DOMAIN = "ingest.knowledge.test";
    static final String ADMIN = "Bearer test-admin-token-0123456789";
    /** 11 pages, 2 posts, 3 store summaries (shipping, payment, general), 30 products, 7 categories. */
    static final int SOURCES = 11 + 2 + 3 + 30 + 7;

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    Pool pool;

    @Inject
    KnowledgeTools tools;

    DemoContent store;

    @BeforeAll
    void cleanStore() {
        DemoContent.forget(pool, DOMAIN);
        store = DemoContent.richHtml(DOMAIN);
    }

    @Test
    @Order(1)
    void reindexNeedsTheAdminToken() {
        RestAssured.given().queryParam("domain", DOMAIN).post("/api/admin/chat/knowledge/reindex").then().statusCode(401)
                .body("success", equalTo(false));
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", "not a domain")
                .post("/api/admin/chat/knowledge/reindex").then().statusCode(400).body("success", equalTo(false));
        // the last result is the operators' too, and only theirs; a store never indexed has none
        RestAssured.given().queryParam("domain", DOMAIN).get("/api/admin/chat/knowledge/reindex").then().statusCode(401)
                .body("success", equalTo(false));
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", "never-indexed.example")
                .get("/api/admin/chat/knowledge/reindex").then().statusCode(404).body("code", equalTo("not_indexed"));
    }

    @Test
    @Order(2)
    void firstReindexAddsEverySourceAsReadableText() {
        store.serve(gateway);
        reindex().statusCode(200).body("added", equalTo(SOURCES)).body("changed", equalTo(0))
                .body("removed", equalTo(0)).body("failed.size()", equalTo(0));
        // the console shows what the last re-index did, when, after the page is reloaded
        RestAssured.given().header("Authorization", ADMIN).queryParam("domain", DOMAIN)
                .get("/api/admin/chat/knowledge/reindex").then().statusCode(200).body("lastStatus", equalTo("ok"))
                .body("lastResult.added", equalTo(SOURCES)).body("lastResult.removed", equalTo(0))
                .body("lastResult.storeUnavailable", equalTo(false))
                .body("lastResult.at", org.hamcrest.Matchers.matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("indexedAt", org.hamcrest.Matchers.notNullValue());

        List<String> faq = bodies("page:68");
        assertTrue(faq.stream().noneMatch(b -> b.contains("querySelectorAll") || b.contains("font-weight")),
                "scripts and styles are not text: " + faq);
        assertTrue(faq.stream().anyMatch(b -> b.startsWith("Yes, as long as it hasn\u2019t shipped.")),
                "&#8217; decoded: " + faq);
        assertEquals(List.of("Can I change or cancel my order?", "Do you have a physical store?", "Do you offer gift cards?",
                "How do I find my size?", "Do you offer discounts for students?", "How do I contact customer service?"),
                headings("page:68"), "each FAQ answer keeps its question as heading");

        assertTrue(bodies("page:67").stream().anyMatch(b -> b.contains("Destination: Canada & Mexico; Method: Standard; "
                + "Cost: $5.95 (free over $50); Delivery time: 5\u20138 business days.")),
                "a table row flattened with its column names: " + bodies("page:67"));
        assertEquals("Shipping & Delivery", single("SELECT DISTINCT title FROM chat.knowledge_passage WHERE domain = $1 "
                + "AND source_key = 'page:67'"));
        assertTrue(bodies("page:3").stream().noneMatch(b -> b.contains("gtag")), "the privacy page's script dropped");
        assertTrue(bodies("page:8").isEmpty() && bodies("page:6").isEmpty() && bodies("page:7").isEmpty(),
                "account, cart and checkout pages are markup and shortcodes only: no passages");

        assertTrue(bodies("store:shipping").contains("We ship to Europe (Germany, France, United Kingdom). "
                + "Shipping options: International $14.95."), bodies("store:shipping").toString());
        assertTrue(bodies("store:payment").get(0).equals(
                "We accept these payment methods at checkout: Direct bank transfer, Cash on delivery."));
        assertTrue(bodies("category:home-kitchen").get(0).startsWith("We sell Home & Kitchen: "),
                "category names decoded");
        assertTrue(allBodies().stream().noneMatch(b -> b.contains("19.99") || b.contains("in stock")),
                "prices and stock are live facts, never passages");
        assertEquals("384", single("SELECT min(length(embedding) / 4)::text FROM chat.knowledge_passage WHERE domain = $1"),
                "every passage has its 384-dimension vector");
    }

    @Test
    @Order(3)
    void unchangedStoreChangesNothing() {
        reindex().statusCode(200).body("added", equalTo(0)).body("changed", equalTo(0)).body("removed", equalTo(0))
                .body("unchanged", equalTo(SOURCES));
    }

    @Test
    @Order(4)
    void theToolQuotesTheReturnsPageAsFirstSource() {
        ToolResult r = tools.search(ctx(DOMAIN), "What is your return policy?").await().indefinitely();
        assertEquals(ToolResult.Status.OK, r.status(), r.text());
        assertEquals("http://127.0.0.1:8088/refund_returns/", r.sources().get(0).url());
        assertEquals("Refund and Returns Policy", r.sources().get(0).title());
        assertTrue(r.sources().get(0).relevance() > 0 && r.sources().get(0).relevance() <= 1);
        assertTrue(r.text().contains("30 days"), r.text());

        ToolResult none = tools.search(ctx(DOMAIN), "Who won the Super Bowl last year?").await().indefinitely();
        assertEquals(ToolResult.Status.NOT_FOUND, none.status(), none.text());
        assertTrue(none.sources().isEmpty());

        ToolResult unknown = tools.search(ctx("never-indexed.knowledge.test"), "What is your return policy?").await()
                .indefinitely();
        assertEquals(ToolResult.Status.UNAVAILABLE, unknown.status(), "nothing indexed yet is not 'not found'");
    }

    @Test
    @Order(5)
    void anEditedPageIsIndexedAgain() {
        store.editPage(9, p -> {
            p.put("modified_gmt", "2026-11-26T08:00:00");
            ((com.fasterxml.jackson.databind.node.ObjectNode) p.get("content")).put("rendered",
                    "<h2>Returns</h2><p>You have 60 days to return unused items in their original packaging.</p>");
            return p;
        }).serve(gateway);
        reindex().statusCode(200).body("added", equalTo(0)).body("changed", equalTo(1)).body("removed", equalTo(0));
        ToolResult r = tools.search(ctx(DOMAIN), "how many days do I have to return something").await().indefinitely();
        assertEquals(ToolResult.Status.OK, r.status());
        assertTrue(r.text().contains("60 days"), r.text());
        assertFalse(allBodies().stream().anyMatch(b -> b.contains("Our refund and returns policy lasts 30 days")),
                "the old text is gone");
    }

    @Test
    @Order(6)
    void aPageDeletedInTheStoreDisappears() {
        assertFalse(bodies("page:70").isEmpty());
        store.deletePage(70).serve(gateway);
        reindex().statusCode(200).body("removed", equalTo(1)).body("added", equalTo(0)).body("changed", equalTo(0));
        assertTrue(bodies("page:70").isEmpty());
        assertEquals("0",
                single("SELECT count(*)::text FROM chat.knowledge_source WHERE domain = $1 AND source_key = 'page:70'"));
        ToolResult r = tools.search(ctx(DOMAIN), "Which law governs your terms?").await().indefinitely();
        assertTrue(r.sources().stream().noneMatch(s -> s.url().endsWith("/terms/")), "no source from the deleted page");
    }

    @Test
    @Order(7)
    void aStoreThatIsDownKeepsItsPassages() {
        int before = allBodies().size();
        store.down(gateway);
        reindex().statusCode(503).body("success", equalTo(false)).body("code", equalTo("store_unavailable"));
        assertEquals(before, allBodies().size());
        ToolResult r = tools.search(ctx(DOMAIN), "What is your return policy?").await().indefinitely();
        assertEquals(ToolResult.Status.OK, r.status());
        assertEquals("http://127.0.0.1:8088/refund_returns/", r.sources().get(0).url());
        store.serve(gateway);
    }

    private io.restassured.response.ValidatableResponse reindex() {
        return RestAssured.given().header("Authorization", ADMIN).queryParam("domain", DOMAIN)
                .post("/api/admin/chat/knowledge/reindex").then();
    }

    private static TurnContext ctx(String domain) {
        return new TurnContext("conv-knowledge-1", domain, "session-1", "127.0.0.1", null, null, null, "en");
    }

    private List<String> bodies(String sourceKey) {
        return column("SELECT body FROM chat.knowledge_passage WHERE domain = $1 AND source_key = '" + sourceKey
                + "' ORDER BY ord");
    }

    private List<String> headings(String sourceKey) {
        return column("SELECT heading FROM chat.knowledge_passage WHERE domain = $1 AND source_key = '" + sourceKey
                + "' ORDER BY ord");
    }

    private List<String> allBodies() {
        return column("SELECT body FROM chat.knowledge_passage WHERE domain = $1");
    }

    private String single(String sql) {
        return column(sql).get(0);
    }

    private List<String> column(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : pool.preparedQuery(sql).execute(Tuple.of(DOMAIN)).await().indefinitely()) {
            out.add(r.getString(0));
        }
        return out;
    }
}
