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

    final String domain;
    final List<ObjectNode> pages = new ArrayList<>();
    final List<ObjectNode> posts = new ArrayList<>();
    JsonNode profile;
    JsonNode products;

    DemoContent(String domain) {
        this.domain = domain;
        JsonNode content = read("knowledge/demo-content.json");
        content.get("pages").forEach(p -> pages.add((ObjectNode) p));
        content.get("posts").forEach(p -> posts.add((ObjectNode) p));
        profile = read("knowledge/demo-profile.json");
        products = read("knowledge/demo-products.json");
    }

    static JsonNode read(String resource) {
        try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        gateway.stubFor(get(urlPathEqualTo("/internal/products")).withQueryParam("domain", equalTo(domain))
                .willReturn(okJson(products.toString())));
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
            o.put("content", p.path("content").path("rendered").asText());
            o.put("modifiedGmt", p.get("modified_gmt").asText());
        }
        return out;
    }
}
