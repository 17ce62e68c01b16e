package io.csc.demostore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeded facts other modules' tests rely on, read from this module's README tables and checked live. */
class SeedFactsTest {

    private static DemoStore store;
    private static WooClient client;

    @BeforeAll
    static void start() {
        store = DemoStore.start(DemoStoreOptions.defaults().port(0));
        client = new WooClient(store.baseUrl(), store.baseUrl());
    }

    @AfterAll
    static void stop() {
        store.close();
    }

    /** Rows of the markdown table under the given heading. */
    private static List<String[]> table(String heading) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        List<String[]> rows = new ArrayList<>();
        boolean inSection = false;
        for (String line : lines) {
            if (line.startsWith("#")) {
                inSection = line.equals(heading);
                continue;
            }
            if (inSection && line.startsWith("| ") && !line.startsWith("| ---")) {
                String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
                rows.add(cells);
            }
        }
        assertFalse(rows.isEmpty(), "no table under " + heading);
        return rows.subList(1, rows.size());
    }

    private static JsonNode get(String path, String... params) {
        WooClient.Response r = client.get(path, params);
        assertEquals(200, r.status(), r.raw());
        return r.json();
    }

    @Test
    void customersAsDocumented() throws IOException {
        for (String[] row : table("### Customers")) {
            JsonNode c = get("/wc/v3/customers/" + row[0]);
            assertEquals(row[1], c.get("email").asText());
            assertEquals(row[3], c.get("username").asText());
            assertEquals(row[4], c.get("role").asText());
        }
        assertEquals(5, get("/wc/v3/customers").size());
    }

    @Test
    void ordersAsDocumented() throws IOException {
        Set<String> statuses = new HashSet<>();
        List<String[]> rows = table("### Orders");
        for (String[] row : rows) {
            JsonNode o = get("/wc/v3/orders/" + row[0]);
            assertEquals(row[1], o.get("status").asText(), "order " + row[0]);
            assertEquals(Integer.parseInt(row[2]), o.get("customer_id").asInt(), "order " + row[0]);
            assertEquals(row[3], o.get("billing").get("email").asText(), "order " + row[0]);
            assertEquals(row[4], o.get("total").asText(), "order " + row[0]);
            List<String> items = new ArrayList<>();
            o.get("line_items").forEach(i -> items.add(i.get("quantity").asInt() + " x " + i.get("name").asText()));
            assertEquals(row[5], String.join(", ", items), "order " + row[0]);
            statuses.add(row[1]);
        }
        assertTrue(rows.size() >= 15);
        assertTrue(statuses.containsAll(
                Set.of("pending", "processing", "on-hold", "completed", "cancelled", "refunded", "failed")));
        assertEquals(String.valueOf(rows.size()), client.get("/wc/v3/orders").header("X-WP-Total"));
        assertEquals(4, get("/wc/v3/orders/47/notes").size());
        assertEquals(1, get("/wc/v3/orders/57/refunds").size());
        assertEquals(1, get("/wc/v3/orders/58/refunds").size());
    }

    @Test
    void productsAsDocumented() throws IOException {
        Set<String> stockStatuses = new HashSet<>();
        int products = 0;
        for (String[] row : table("### Products")) {
            JsonNode p = row[3].equals("variation")
                    ? get("/wc/v3/products/40/variations/" + row[0])
                    : get("/wc/v3/products/" + row[0]);
            assertEquals(row[2], p.get("sku").asText());
            assertEquals(row[4], p.get("price").asText(), "product " + row[0]);
            assertEquals(row[5], p.get("manage_stock").asBoolean() ? p.get("stock_quantity").asText() : "-",
                    "product " + row[0]);
            assertEquals(row[6], p.get("stock_status").asText(), "product " + row[0]);
            if (!row[3].equals("variation")) {
                assertEquals(row[1], p.get("name").asText());
                assertEquals(row[3], p.get("type").asText());
                products++;
            }
            stockStatuses.add(row[6]);
        }
        assertTrue(products >= 30);
        assertEquals(Set.of("instock", "outofstock", "onbackorder"), stockStatuses);
        assertEquals(String.valueOf(products), client.get("/wc/v3/products").header("X-WP-Total"));
        assertEquals(6, get("/wc/v3/products/40/variations").size());
    }

    @Test
    void couponsAsDocumented() throws IOException {
        for (String[] row : table("### Coupons")) {
            JsonNode found = get("/wc/v3/coupons", "code", row[1]);
            assertEquals(1, found.size(), row[1]);
            assertEquals(Integer.parseInt(row[0]), found.get(0).get("id").asInt());
            assertEquals(row[2], found.get(0).get("discount_type").asText());
            assertEquals(row[3], found.get(0).get("amount").asText());
        }
    }
}
