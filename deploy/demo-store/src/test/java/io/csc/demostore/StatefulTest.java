package io.csc.demostore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes and their effects: products, batch, orders and stock, notes, refunds, coupons, reset(). */
class StatefulTest {

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

    @BeforeEach
    void reset() {
        store.reset();
    }

    private static JsonNode ok(WooClient.Response r, int status) {
        assertEquals(status, r.status(), r.raw());
        return r.json();
    }

    private static JsonNode recordedBody(String fixture) {
        return Fixtures.load(fixture).get("response").get("body");
    }

    private static int stock(int productId) {
        return ok(client.get("/wc/v3/products/" + productId), 200).get("stock_quantity").asInt();
    }

    @Test
    void productLifecycle() {
        WooClient.Response created = client.post("/wc/v3/products", Map.of("name", "Demo Mug", "type", "simple",
                "regular_price", "12.00", "sku", "DEMO-MUG", "manage_stock", true, "stock_quantity", 3,
                "categories", List.of(Map.of("id", 21))));
        JsonNode product = ok(created, 201);
        int id = product.get("id").asInt();
        assertEquals(67, id, "ids continue the recorded store's sequence");
        assertEquals(store.baseUrl() + "/wp-json/wc/v3/products/" + id, created.header("Location"));
        assertEquals(store.baseUrl() + "/product/demo-mug/", product.get("permalink").asText());
        assertEquals("12.00", product.get("price").asText());
        assertEquals("instock", product.get("stock_status").asText());
        assertEquals("Home &amp; Kitchen", product.get("categories").get(0).get("name").asText());
        assertEquals("demo-mug", product.get("generated_slug").asText(), "write answers use the edit context");
        List<String> shape = JsonCompare.shape(recordedBody("product_get_simple"),
                ok(client.get("/wc/v3/products/" + id), 200));
        assertTrue(shape.isEmpty(), shape.toString());

        JsonNode onSale = ok(client.put("/wc/v3/products/" + id, Map.of("sale_price", "9.50")), 200);
        assertTrue(onSale.get("on_sale").asBoolean());
        assertEquals("9.50", onSale.get("price").asText());
        assertTrue(onSale.get("price_html").asText().contains("Original price was: &#036;12.00."));
        assertEquals(0, ok(client.send("PATCH", "/wc/v3/products/" + id, List.of(), Map.of("stock_quantity", 0)), 200)
                .get("stock_quantity").asInt());
        assertEquals("outofstock", ok(client.get("/wc/v3/products/" + id), 200).get("stock_status").asText());
        JsonNode backorders = ok(client.post("/wc/v3/products/" + id, Map.of("backorders", "notify")), 200);
        assertEquals("onbackorder", backorders.get("stock_status").asText());

        JsonNode duplicateSku = ok(client.post("/wc/v3/products", Map.of("name", "Copy", "sku", "DEMO-MUG")), 400);
        assertEquals("product_invalid_sku", duplicateSku.get("code").asText());
        assertEquals("DEMO-MUG-1", duplicateSku.get("data").get("unique_sku").asText());
        assertEquals(recordedBody("error_invalid_body_product_type"),
                ok(client.post("/wc/v3/products", Map.of("name", "x", "type", "bogus")), 400));

        assertEquals("trash", ok(client.delete("/wc/v3/products/" + id), 200).get("status").asText());
        assertEquals("woocommerce_rest_already_trashed",
                ok(client.delete("/wc/v3/products/" + id), 410).get("code").asText());
        assertEquals("30", client.get("/wc/v3/products").header("X-WP-Total"), "trashed products are not listed");
        ok(client.delete("/wc/v3/products/" + id, "force", "true"), 200);
        assertEquals(recordedBody("product_get_not_found"), ok(client.get("/wc/v3/products/" + id), 404));
        assertEquals("woocommerce_rest_product_invalid_id",
                ok(client.put("/wc/v3/products/999999", Map.of("name", "x")), 400).get("code").asText());
    }

    @Test
    void batchCreatesUpdatesDeletesAndRefusesMoreThanAHundred() {
        JsonNode batch = ok(client.post("/wc/v3/products/batch", Map.of("create",
                List.of(Map.of("name", "Batch A", "regular_price", "5.00"), Map.of("name", "Dup", "sku", "EL-EARBUDS-001")),
                "update", List.of(Map.of("id", 39, "sale_price", "44.10"), Map.of("id", 999999, "regular_price", "1")),
                "delete", List.of(999999))), 200);
        assertEquals(67, batch.get("create").get(0).get("id").asInt());
        assertEquals(recordedBody("products_batch_create_update").get("create").get(2), batch.get("create").get(1));
        assertEquals("44.10", batch.get("update").get(0).get("price").asText());
        assertEquals(recordedBody("products_batch_create_update").get("update").get(1), batch.get("update").get(1));
        assertEquals(recordedBody("products_batch_delete").get("delete").get(2), batch.get("delete").get(0));

        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i <= 100; i++) {
            tooMany.add(Map.of("name", "x" + i));
        }
        WooClient.Response refused = client.post("/wc/v3/products/batch", Map.of("create", tooMany));
        assertEquals(recordedBody("products_batch_over_limit"), ok(refused, 413));
        assertEquals("POST, PUT, PATCH", refused.header("Allow"));
    }

    @Test
    void creatingAnOrderTakesStockAndCancellingGivesItBack() {
        assertEquals(118, stock(11));
        assertEquals(4, stock(29));
        assertEquals(23, ok(client.get("/wc/v3/products/40/variations/45"), 200).get("stock_quantity").asInt());
        int parentSales = ok(client.get("/wc/v3/products/40"), 200).get("total_sales").asInt();

        Map<String, Object> order = new HashMap<>();
        order.put("customer_id", 2);
        order.put("status", "processing");
        order.put("payment_method", "bacs");
        order.put("payment_method_title", "Direct bank transfer");
        order.put("billing", Map.of("first_name", "Alice", "last_name", "Johnson", "email", "alice.johnson@example.com"));
        order.put("line_items", List.of(Map.of("product_id", 11, "quantity", 2), Map.of("product_id", 29, "quantity", 4),
                Map.of("product_id", 40, "variation_id", 45, "quantity", 1)));
        order.put("shipping_lines", List.of(Map.of("method_id", "flat_rate", "method_title", "Flat rate", "total", "5.00")));
        WooClient.Response created = client.post("/wc/v3/orders", order);
        JsonNode body = ok(created, 201);
        int id = body.get("id").asInt();
        assertEquals("processing", body.get("status").asText());
        assertEquals("1069.98", body.get("total").asText(), "2 x 19.99 + 4 x 249.00 + 29.00 + 5.00 shipping");
        assertEquals("Performance Running Shirt - Blue, M", body.get("line_items").get(2).get("name").asText());
        assertEquals("Performance Running Shirt", body.get("line_items").get(2).get("parent_name").asText());
        assertNotNull(body.get("date_paid").textValue());
        List<String> shape = JsonCompare.shape(recordedBody("order_get"), body);
        assertTrue(shape.isEmpty(), shape.toString());

        assertEquals(116, stock(11));
        assertEquals(0, stock(29));
        assertEquals("outofstock", ok(client.get("/wc/v3/products/29"), 200).get("stock_status").asText());
        assertEquals(22, ok(client.get("/wc/v3/products/40/variations/45"), 200).get("stock_quantity").asInt());
        assertEquals(parentSales + 1, ok(client.get("/wc/v3/products/40"), 200).get("total_sales").asInt());
        JsonNode notes = ok(client.get("/wc/v3/orders/" + id + "/notes"), 200);
        assertTrue(notes.toString().contains("Stock levels reduced"), notes.toString());

        JsonNode cancelled = ok(client.put("/wc/v3/orders/" + id, Map.of("status", "cancelled")), 200);
        assertEquals("cancelled", cancelled.get("status").asText());
        assertEquals(118, stock(11));
        assertEquals(4, stock(29));
        assertEquals("instock", ok(client.get("/wc/v3/products/29"), 200).get("stock_status").asText());

        JsonNode badProduct = ok(client.post("/wc/v3/orders", Map.of("line_items", List.of(Map.of("product_id", 999999)))),
                400);
        assertEquals("woocommerce_rest_invalid_product_id", badProduct.get("code").asText());
        assertEquals("woocommerce_rest_invalid_customer_id",
                ok(client.post("/wc/v3/orders", Map.of("customer_id", 999999)), 400).get("code").asText());
    }

    @Test
    void cancellingARecordedOrder() {
        JsonNode before = ok(client.get("/wc/v3/orders/52"), 200);
        assertEquals("pending", before.get("status").asText());
        JsonNode cancelled = ok(client.put("/wc/v3/orders/52", Map.of("status", "cancelled")), 200);
        assertEquals("cancelled", cancelled.get("status").asText());
        assertFalse(cancelled.get("is_editable").asBoolean());
        assertFalse(cancelled.get("needs_payment").asBoolean());
        assertTrue(cancelled.get("date_modified").asText().compareTo(before.get("date_modified").asText()) > 0);
        assertEquals(200, client.put("/wc/v3/orders/52", Map.of("status", "cancelled")).status());
        JsonNode notes = ok(client.get("/wc/v3/orders/52/notes"), 200);
        assertEquals("Order status changed from Pending payment to Cancelled.", notes.get(0).get("note").asText());
        assertEquals(recordedBody("order_update_invalid_status"),
                ok(client.put("/wc/v3/orders/48", Map.of("status", "bogus")), 400));
        assertEquals(recordedBody("order_update_not_found"),
                ok(client.put("/wc/v3/orders/999999", Map.of("status", "cancelled")), 400));
        assertEquals(recordedBody("order_get_not_found"), ok(client.get("/wc/v3/orders/999999"), 404));
    }

    @Test
    void notes() {
        WooClient.Response created = client.post("/wc/v3/orders/48/notes",
                Map.of("note", "Your order has shipped.", "customer_note", true));
        JsonNode note = ok(created, 201);
        assertEquals(32, note.get("id").asInt());
        assertEquals(store.baseUrl() + "/wp-json/wc/v3/orders/48/notes/32", created.header("Location"));
        JsonNode customerNotes = ok(client.get("/wc/v3/orders/48/notes", "type", "customer"), 200);
        assertEquals(1, customerNotes.size());
        assertEquals("Your order has shipped.", customerNotes.get(0).get("note").asText());
        assertEquals(note, ok(client.get("/wc/v3/orders/48/notes/32"), 200));
        assertEquals(recordedBody("order_note_create_missing_note"),
                ok(client.post("/wc/v3/orders/48/notes", Map.of("customer_note", true)), 400));
        assertEquals(recordedBody("order_note_create_unknown_order"),
                ok(client.post("/wc/v3/orders/999999/notes", Map.of("note", "x")), 404));
        assertEquals(501, client.delete("/wc/v3/orders/48/notes/32").status());
        ok(client.delete("/wc/v3/orders/48/notes/32", "force", "true"), 200);
        assertEquals(404, client.get("/wc/v3/orders/48/notes/32").status());
    }

    @Test
    void variations() {
        WooClient.Response created = client.post("/wc/v3/products/40/variations", Map.of("regular_price", "31.00",
                "sku", "TS-RUN-G-M", "manage_stock", true, "stock_quantity", 5, "attributes",
                List.of(Map.of("id", 1, "option", "Green"), Map.of("id", 2, "option", "M"))));
        JsonNode variation = ok(created, 201);
        int id = variation.get("id").asInt();
        assertEquals("Green, M", variation.get("name").asText());
        assertEquals(store.baseUrl() + "/product/performance-running-shirt/?attribute_pa_color=green&attribute_pa_size=m",
                variation.get("permalink").asText());
        List<String> shape = JsonCompare.shape(recordedBody("product_variation_get"), variation);
        assertTrue(shape.isEmpty(), shape.toString());
        assertTrue(ids(ok(client.get("/wc/v3/products/40"), 200).get("variations")).contains(id));
        JsonNode cheaper = ok(client.put("/wc/v3/products/40/variations/" + id, Map.of("sale_price", "19.00")), 200);
        assertEquals("19.00", cheaper.get("price").asText());
        assertEquals("19.00", ok(client.get("/wc/v3/products/40"), 200).get("price").asText(),
                "the variable product's price is its cheapest variation");
        WooClient.Response missing = client.get("/wc/v3/products/40/variations/999999");
        assertEquals(recordedBody("product_variation_not_found"), ok(missing, 404));
        assertEquals(null, missing.header("Allow"));
        ok(client.delete("/wc/v3/products/40/variations/" + id, "force", "true"), 200);
        assertEquals("29.00", ok(client.get("/wc/v3/products/40"), 200).get("price").asText());
    }

    @Test
    void refunds() {
        WooClient.Response partial = client.post("/wc/v3/orders/53/refunds",
                Map.of("amount", "10.00", "reason", "Late delivery goodwill credit", "api_refund", false));
        JsonNode refund = ok(partial, 201);
        assertEquals("10.00", refund.get("amount").asText());
        JsonNode order = ok(client.get("/wc/v3/orders/53"), 200);
        assertEquals("completed", order.get("status").asText());
        assertEquals(refund.get("id").asInt(), order.get("refunds").get(0).get("id").asInt());
        assertEquals("-10.00", order.get("refunds").get(0).get("total").asText());

        assertEquals(recordedBody("order_refund_create_too_much"), ok(client.post("/wc/v3/orders/58/refunds",
                Map.of("amount", "1000.00", "reason", "too much", "api_refund", false)), 500));
        assertEquals(recordedBody("order_refund_create_api_refund_bacs"),
                ok(client.post("/wc/v3/orders/51/refunds", Map.of("amount", "1.00", "reason", "gateway refund attempt")),
                        500));

        ok(client.post("/wc/v3/orders/53/refunds", Map.of("amount", "252.99", "api_refund", false)), 201);
        JsonNode fullyRefunded = ok(client.get("/wc/v3/orders/53"), 200);
        assertEquals("refunded", fullyRefunded.get("status").asText());
        assertEquals(2, fullyRefunded.get("refunds").size());
        assertEquals("2", client.get("/wc/v3/orders/53/refunds").header("X-WP-Total"));
    }

    @Test
    void couponsAreStoredLowerCased() {
        JsonNode coupon = ok(client.post("/wc/v3/coupons", Map.of("code", "SPRING25", "discount_type", "percent",
                "amount", "25", "date_expires", "2031-06-30T23:59:59", "usage_limit", 50)), 201);
        assertEquals("spring25", coupon.get("code").asText());
        assertEquals("25.00", coupon.get("amount").asText());
        // Local time in the store's default zone (New York, EDT in June), as recorded in coupon_create_date_expires_local.
        assertEquals("2031-06-30T23:59:59", coupon.get("date_expires").asText());
        assertEquals("2031-07-01T03:59:59", coupon.get("date_expires_gmt").asText());
        assertEquals(recordedBody("coupon_create_duplicate"), ok(client.post("/wc/v3/coupons",
                Map.of("code", "SAVE5", "discount_type", "fixed_cart", "amount", "5")), 400));
        assertEquals(recordedBody("coupon_create_missing_code"),
                ok(client.post("/wc/v3/coupons", Map.of("amount", "5")), 400));
        JsonNode found = ok(client.get("/wc/v3/coupons", "code", "Spring25"), 200);
        assertEquals(1, found.size());
        assertEquals("4", client.get("/wc/v3/coupons").header("X-WP-Total"));

        Map<String, Object> order = Map.of("line_items", List.of(Map.of("product_id", 18, "quantity", 2)), "coupon_lines",
                List.of(Map.of("code", "spring25")));
        JsonNode discounted = ok(client.post("/wc/v3/orders", order), 201);
        assertEquals("17.50", discounted.get("discount_total").asText());
        assertEquals("52.50", discounted.get("total").asText());
        assertEquals(1, ok(client.get("/wc/v3/coupons/" + coupon.get("id").asInt()), 200).get("usage_count").asInt());
    }

    @Test
    void customers() {
        JsonNode bob = ok(client.get("/wc/v3/customers", "email", "bob.smith@example.com"), 200);
        assertEquals(3, bob.get(0).get("id").asInt());
        JsonNode created = ok(client.post("/wc/v3/customers", Map.of("email", "frank@example.com", "first_name", "Frank",
                "billing", Map.of("email", "frank@example.com", "city", "Oslo"))), 201);
        assertEquals(7, created.get("id").asInt());
        List<String> shape = JsonCompare.shape(recordedBody("customer_get"), created);
        assertTrue(shape.isEmpty(), shape.toString());
        assertEquals("frank", created.get("username").asText());
        assertEquals("registration-error-email-exists",
                ok(client.post("/wc/v3/customers", Map.of("email", "frank@example.com")), 400).get("code").asText());
        assertEquals(recordedBody("customer_update_invalid_email"),
                ok(client.put("/wc/v3/customers/5", Map.of("billing", Map.of("email", "broken"))), 400));
        WooClient.Response missing = client.put("/wc/v3/customers/999999", Map.of("first_name", "x"));
        assertEquals(recordedBody("customer_update_not_found"), ok(missing, 404));
        assertEquals(null, missing.header("Allow"));
        assertEquals("[]", client.get("/wc/v3/customers/2/downloads").raw());
        JsonNode moved = ok(client.put("/wc/v3/customers/5", Map.of("shipping", Map.of("city", "Hamburg"))), 200);
        assertEquals("Hamburg", moved.get("shipping").get("city").asText());
        assertEquals(501, client.delete("/wc/v3/customers/7").status());
        ok(client.delete("/wc/v3/customers/7", "force", "true"), 200);
    }

    @Test
    void listsPaginateWithRecordedHeaders() {
        WooClient.Response page = client.get("/wc/v3/orders", "per_page", "5", "page", "2");
        assertEquals("15", page.header("X-WP-Total"));
        assertEquals("3", page.header("X-WP-TotalPages"));
        String link = page.header("Link");
        assertTrue(link.startsWith("<" + store.baseUrl() + "/wp-json/wc/v3/orders?per_page=5&page=1&oauth_consumer_key="),
                link);
        assertTrue(link.contains("&status%5B0%5D=any&dp=2&context=view>; rel=\"prev\", <"), link);
        assertTrue(link.endsWith(">; rel=\"next\""), link);
        assertEquals("GET, POST", page.header("Allow"));
        WooClient.Response beyond = client.get("/wc/v3/products", "per_page", "10", "page", "99");
        assertEquals("[]", beyond.raw());
        assertTrue(beyond.header("Link").contains("page=3"));
        JsonNode byEmail = ok(client.get("/wc/v3/orders", "search", "emma.wilson@example.com"), 200);
        assertEquals(List.of(59, 56, 55), ids(byEmail));
        assertEquals(List.of(57, 48, 47), ids(ok(client.get("/wc/v3/orders", "customer", "2"), 200)));
        assertEquals(List.of(45), ids(ok(client.get("/wc/v3/products", "sku", "TS-RUN-B-M"), 200)));
    }

    private static List<Integer> ids(JsonNode list) {
        List<Integer> ids = new ArrayList<>();
        list.forEach(n -> ids.add(n.isObject() ? n.get("id").asInt() : n.asInt()));
        return ids;
    }

    @Test
    void resetRestoresTheSeedAndForgetsNonces() {
        String nonce = WooClient.nonce();
        assertEquals(201, client.sendTo("POST", "/wp-json/wc/v3/coupons", List.of(), Map.of("code", "gone"), nonce)
                .status());
        ok(client.put("/wc/v3/products/16", Map.of("stock_quantity", 1)), 200);
        store.reset();
        assertEquals("3", client.get("/wc/v3/coupons").header("X-WP-Total"));
        assertEquals(8, stock(16));
        assertEquals(200, client.sendTo("GET", "/wp-json/wc/v3/coupons", List.of(), null, nonce).status(),
                "the nonce was forgotten with the rest");
    }

    @Test
    void latencyDelaysEveryAnswer() {
        try (DemoStore slow = DemoStore.start(DemoStoreOptions.defaults().port(0).latency(Duration.ofMillis(300)))) {
            WooClient c = new WooClient(slow.baseUrl(), slow.baseUrl());
            long start = System.nanoTime();
            assertEquals(200, c.get("/wc/v3/products/23").status());
            assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos());
        }
    }

    @Test
    void reportsAreComputedFromTheData() {
        JsonNode totals = ok(client.get("/wc/v3/reports/orders/totals"), 200);
        Map<String, Integer> byStatus = new HashMap<>();
        totals.forEach(t -> byStatus.put(t.get("slug").asText(), t.get("total").asInt()));
        assertEquals(Map.of("pending", 2, "processing", 3, "on-hold", 2, "completed", 5, "cancelled", 1, "refunded", 1,
                "failed", 1, "checkout-draft", 0), byStatus);
        JsonNode products = ok(client.get("/wc/v3/reports/products/totals"), 200);
        assertEquals("[{\"slug\":\"external\",\"name\":\"External/Affiliate product\",\"total\":0},"
                + "{\"slug\":\"grouped\",\"name\":\"Grouped product\",\"total\":0},"
                + "{\"slug\":\"simple\",\"name\":\"Simple product\",\"total\":29},"
                + "{\"slug\":\"variable\",\"name\":\"Variable product\",\"total\":1}]", products.toString());
        assertEquals(2, ok(client.get("/wc/v3/reports/customers/totals"), 200).size());
        assertEquals(3, ok(client.get("/wc/v3/reports/coupons/totals"), 200).size());
        assertEquals(5, ok(client.get("/wc/v3/reports/reviews/totals"), 200).size());
        JsonNode sales = ok(client.get("/wc/v3/reports/sales", "period", "year"), 200);
        assertEquals("month", sales.get(0).get("totals_grouped_by").asText());
    }

    @Test
    void settingsCanBeReadAndChanged() {
        JsonNode currency = ok(client.get("/wc/v3/settings/general/woocommerce_currency"), 200);
        assertEquals("USD", currency.get("value").asText());
        assertEquals("EUR", ok(client.put("/wc/v3/settings/general/woocommerce_currency", Map.of("value", "EUR")), 200)
                .get("value").asText());
        assertEquals("rest_setting_value_invalid",
                ok(client.put("/wc/v3/settings/general/woocommerce_currency", Map.of("value", "XXX")), 400).get("code")
                        .asText());
        assertEquals("rest_setting_setting_group_invalid", ok(client.get("/wc/v3/settings/nope"), 404).get("code")
                .asText());
        assertEquals("[]", client.get("/wc/v3/settings/tax").raw());
    }
}
