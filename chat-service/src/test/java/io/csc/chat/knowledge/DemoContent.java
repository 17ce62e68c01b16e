package io.csc.chat.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The demo store's published content (test resources under knowledge/: WordPress pages and posts as
 * /wp-json/wp/v2/pages answers them, the store profile, the products) served through the stubbed gateway routes for one
 * domain. The gateway relays WordPress's rendered HTML; flattening {@code title.rendered} is the only change.
 */
public final class DemoContent {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Products per page of the gateway's product route (chat.knowledge.product-page-size). */
    static final int PRODUCT_PAGE = 50;

    final String domain;
    final List<ObjectNode> pages = new ArrayList<>();
    final List<ObjectNode> posts = new ArrayList<>();
    JsonNode profile;
    JsonNode products;

    private DemoContent(String domain, String contentResource) {
        this.domain = domain;
        JsonNode content = read(contentResource);
        content.get("pages").forEach(p -> pages.add(wordpress((ObjectNode) p, "page")));
        content.get("posts").forEach(p -> posts.add(wordpress((ObjectNode) p, "post")));
        profile = read("knowledge/demo-profile.json");
        products = read("knowledge/demo-products.json");
    }

    /** The demo store's own pages and posts (deploy/demo-store, what its /wp-json/wp/v2 routes publish). */
    static DemoContent demoStore(String domain) {
        return new DemoContent(domain, "demo-store/wp_content.json");
    }

    /** Pages in WordPress's full shape with the HTML a theme produces: entities, tables, scripts, styles, shortcodes. */
    static DemoContent richHtml(String domain) {
        return new DemoContent(domain, "knowledge/demo-content.json");
    }

    /** The demo store keeps title and content as plain strings: put them in WordPress's {rendered} shape. */
    private static ObjectNode wordpress(ObjectNode p, String type) {
        ObjectNode o = p.deepCopy();
        if (o.get("title").isTextual()) {
            o.putObject("title").put("rendered", p.get("title").asText());
        }
        if (o.get("content").isTextual()) {
            o.putObject("content").put("rendered", p.get("content").asText());
        }
        if (!o.has("link")) {
            o.put("link", "http://127.0.0.1:8088/" + p.get("slug").asText() + "/");
        }
        if (!o.has("type")) {
            o.put("type", type);
        }
        return o;
    }

    static JsonNode read(String resource) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A clean start: the domain's tenant row, sources and passages deleted (a previous run's content would stay). */
    static void forget(Pool pool, String domain) {
        pool.preparedQuery("DELETE FROM chat.knowledge_tenant WHERE domain = $1").execute(Tuple.of(domain)).await()
                .indefinitely();
    }

    /** Changes one page (by WordPress id) in the store. */
    DemoContent editPage(long id, UnaryOperator<ObjectNode> edit) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).get("id").asLong() == id) {
                pages.set(i, edit.apply(pages.get(i).deepCopy()));
            }
        }
        return this;
    }

    DemoContent deletePage(long id) {
        pages.removeIf(p -> p.get("id").asLong() == id);
        return this;
    }

    /** Stubs every route a re-index reads, for this domain. */
    void serve(WireMockServer gateway) {
        gateway.stubFor(get(urlPathEqualTo("/internal/tenants/" + domain)).willReturn(okJson("""
                {"domain": "%s", "storeName": "Harbor Goods", "storeUrl": "http://127.0.0.1:8088",
                 "woocommerceEnabled": true, "allowedOrigins": [], "pluginSecret": "test-secret-0123456789",
                 "supportEmail": "help@harborgoods.example", "developmentStore": true}""".formatted(domain))));
        gateway.stubFor(get(urlPathEqualTo("/internal/content/pages")).withQueryParam("domain", equalTo(domain))
                .withQueryParam("type", equalTo("pages")).willReturn(okJson(relay(pages).toString())));
        gateway.stubFor(get(urlPathEqualTo("/internal/content/pages")).withQueryParam("domain", equalTo(domain))
                .withQueryParam("type", equalTo("posts")).willReturn(okJson(relay(posts).toString())));
        gateway.stubFor(get(urlPathEqualTo("/internal/store/profile")).withQueryParam("domain", equalTo(domain))
                .willReturn(okJson(profile.toString())));
        // the gateway's product route a page at a time (limit 50, page from 1); past the last page an empty list
        gateway.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(domain))
                .willReturn(okJson("[]")));
        for (int page = 1; (page - 1) * PRODUCT_PAGE < products.size(); page++) {
            ArrayNode slice = JSON.createArrayNode();
            for (int i = (page - 1) * PRODUCT_PAGE; i < Math.min(products.size(), page * PRODUCT_PAGE); i++) {
                slice.add(products.get(i));
            }
            gateway.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(domain))
                    .withQueryParam("page", equalTo(Integer.toString(page))).willReturn(okJson(slice.toString())));
        }
    }

    /** Changes one product (by id) in the store. */
    DemoContent editProduct(long id, UnaryOperator<ObjectNode> edit) {
        ArrayNode edited = JSON.createArrayNode();
        products.forEach(p -> edited.add(p.get("id").asLong() == id ? edit.apply(((ObjectNode) p).deepCopy()) : p));
        products = edited;
        return this;
    }

    DemoContent deleteProduct(long id) {
        ArrayNode kept = JSON.createArrayNode();
        products.forEach(p -> {
            if (p.get("id").asLong() != id) {
                kept.add(p);
            }
        });
        products = kept;
        return this;
    }

    /** Adds {@code count} more products (ids from 1001) to the catalog, each in a category of its own. */
    DemoContent moreProducts(int count) {
        ArrayNode all = ((ArrayNode) products).deepCopy();
        for (int i = 0; i < count; i++) {
            long id = 1001 + i;
            ObjectNode p = all.addObject();
            p.put("id", id);
            p.put("name", "Catalog Item " + id);
            p.put("type", "simple");
            p.put("sku", "ITEM-" + id);
            p.put("price", "9.99");
            p.put("permalink", "http://127.0.0.1:8088/product/catalog-item-" + id + "/");
            p.put("shortDescription", "<p>Catalog item number " + id + ".</p>");
            p.putArray("categories").add("Range " + (i % 5));
            p.putArray("variations");
        }
        products = all;
        return this;
    }

    /** The store is down: the gateway answers 503 store_unavailable on every content route of this domain. */
    void down(WireMockServer gateway) {
        String body = "{\"success\": false, \"error\": \"The store cannot be reached\", \"code\": \"store_unavailable\"}";
        for (String path : List.of("/internal/content/pages", "/internal/store/profile", "/internal/products")) {
            gateway.stubFor(get(urlPathEqualTo(path)).withQueryParam("domain", equalTo(domain))
                    .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody(body)));
        }
    }

    private static ArrayNode relay(List<ObjectNode> items) {
        ArrayNode out = JSON.createArrayNode();
        for (ObjectNode p : items) {
            ObjectNode o = out.addObject();
            o.put("id", p.get("id").asLong());
            o.put("type", p.get("type").asText());
            o.put("slug", p.get("slug").asText());
            o.put("link", p.get("link").asText());
            o.put("title", p.path("title").path("rendered").asText());
            o.put("html", p.path("content").path("rendered").asText());
            o.put("dateGmt", p.path("date_gmt").asText(null));
            o.put("modifiedGmt", p.get("modified_gmt").asText());
        }
        return out;
    }
}
