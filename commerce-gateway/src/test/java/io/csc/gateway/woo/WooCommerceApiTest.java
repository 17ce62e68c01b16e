package io.csc.gateway.woo;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.demostore.DemoStore;
import io.csc.gateway.support.DemoStoreResource;
import io.csc.gateway.support.InjectDemoStore;
import io.csc.gateway.tenant.ActiveTenant;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every operation of the spec's API reference, once, against the demo store (OAuth 1.0a over plain HTTP). */
@QuarkusTest
@QuarkusTestResource(DemoStoreResource.class)
class WooCommerceApiTest {
    @Inject
    WooCommerceApi woo;

    @Inject
    ObjectMapper json;

    @InjectDemoStore
    DemoStore store;

    @ConfigProperty(name = "test.demo-store.url")
    String storeUrl;

    ActiveTenant tenant;

    @BeforeEach
    void tenant() {
        store.reset();
        tenant = new ActiveTenant("api-test.test", "API test", URI.create(storeUrl), true, DemoStore.CONSUMER_KEY,
                DemoStore.CONSUMER_SECRET, "unused-plugin-secret", List.of(), null, true);
    }

    private static <T> T await(Uni<T> uni) {
        return uni.await().indefinitely();
    }

    private ObjectNode object(String text) throws Exception {
        return (ObjectNode) json.readTree(text);
    }

    @Test
    void products() throws Exception {
        WooResponse page = await(woo.listProducts(tenant, Map.of("per_page", 10, "page", 1)));
        assertEquals(30, page.total());
        assertEquals(3, page.totalPages());
        assertTrue(page.next().isPresent());
        assertEquals(5, await(woo.listProducts(tenant, Map.of("stock_status", "outofstock", "per_page", 20))).items().size());
        assertEquals("EL-EARBUDS-001", await(woo.listProducts(tenant, Map.of("sku", "EL-EARBUDS-001"))).items().get(0)
                .path("sku").asText());
        assertTrue(await(woo.listProducts(tenant, Map.of("on_sale", true, "per_page", 50))).items().stream()
                .allMatch(p -> p.path("on_sale").asBoolean()));
        assertFalse(await(woo.listProducts(tenant, Map.of("search", "Hoodie", "orderby", "price", "order", "asc"))).items()
                .isEmpty());
        assertEquals(23, await(woo.getProduct(tenant, 23)).body().path("id").asInt());

        JsonNode created = await(woo.createProduct(tenant, object(
                "{\"name\":\"API Mug\",\"type\":\"simple\",\"regular_price\":\"12.00\",\"manage_stock\":true,\"stock_quantity\":3}")))
                .body();
        long id = created.path("id").asLong();
        assertEquals("API Mug", created.path("name").asText());
        assertEquals(7, await(woo.updateProduct(tenant, id, object("{\"stock_quantity\":7}"))).body().path("stock_quantity")
                .asInt());
        await(woo.deleteProduct(tenant, id, true));
        WooException gone = assertThrows(WooException.class, () -> await(woo.getProduct(tenant, id)));
        assertTrue(gone.notFound());
        assertEquals("woocommerce_rest_product_invalid_id", gone.code());

        JsonNode batch = await(woo.batchProducts(tenant, object(
                "{\"create\":[{\"name\":\"Batch A\",\"type\":\"simple\"}],\"update\":[{\"id\":11,\"regular_price\":\"21.00\"}]}")))
                .body();
        assertEquals("Batch A", batch.at("/create/0/name").asText());
        assertEquals("21.00", batch.at("/update/0/regular_price").asText());
        ObjectNode tooMany = json.createObjectNode();
        for (int i = 0; i < 101; i++) {
            tooMany.withArray("create").addObject().put("name", "x" + i);
        }
        WooException tooLarge = assertThrows(WooException.class, () -> await(woo.batchProducts(tenant, tooMany)));
        assertEquals(413, tooLarge.status());
        assertFalse(await(woo.listCategories(tenant, Map.of())).items().isEmpty());
    }

    @Test
    void followsPaginationAcrossPagesReSigningEachLink() {
        List<JsonNode> all = await(woo.all(tenant, "products.list", "products", Map.of("per_page", 10), 10));
        assertEquals(30, all.size());
        assertEquals(30, all.stream().map(p -> p.path("id").asLong()).distinct().count());
    }

    @Test
    void variations() throws Exception {
        assertEquals(6, await(woo.listVariations(tenant, 40, Map.of())).items().size());
        assertEquals(45, await(woo.getVariation(tenant, 40, 45)).body().path("id").asInt());
        long id = await(woo.createVariation(tenant, 40, object("{\"regular_price\":\"30.00\",\"sku\":\"TS-RUN-NEW\"}"))).body()
                .path("id").asLong();
        assertEquals("31.00", await(woo.updateVariation(tenant, 40, id, object("{\"regular_price\":\"31.00\"}"))).body()
                .path("regular_price").asText());
        await(woo.deleteVariation(tenant, 40, id, true));
        assertTrue(assertThrows(WooException.class, () -> await(woo.getVariation(tenant, 40, 999999))).notFound());
    }

    @Test
    void ordersNotesAndRefunds() throws Exception {
        assertEquals(3, await(woo.listOrders(tenant, Map.of("customer", 2))).items().size());
        assertTrue(await(woo.listOrders(tenant, Map.of("status", List.of("completed", "refunded")))).items().stream()
                .allMatch(o -> Set.of("completed", "refunded").contains(o.path("status").asText())));
        assertEquals("alice.johnson@example.com", await(woo.getOrder(tenant, 47)).body().at("/billing/email").asText());
        JsonNode order = await(woo.createOrder(tenant, object("{\"payment_method\":\"bacs\",\"payment_method_title\":\"Bank\","
                + "\"billing\":{\"first_name\":\"T\",\"last_name\":\"U\",\"email\":\"t@example.com\"},"
                + "\"line_items\":[{\"product_id\":23,\"quantity\":1}]}"))).body();
        long orderId = order.path("id").asLong();
        assertEquals("on-hold", await(woo.updateOrder(tenant, orderId, object("{\"status\":\"on-hold\"}"))).body()
                .path("status").asText());
        WooException badStatus = assertThrows(WooException.class,
                () -> await(woo.updateOrder(tenant, orderId, object("{\"status\":\"nonsense\"}"))));
        assertEquals(400, badStatus.status());
        await(woo.deleteOrder(tenant, orderId, true));

        long noteId = await(woo.createOrderNote(tenant, 47, "Customer asked about delivery", true)).body().path("id").asLong();
        assertTrue(await(woo.listOrderNotes(tenant, 47, "customer")).items().stream()
                .anyMatch(n -> n.path("id").asLong() == noteId));
        await(woo.deleteOrderNote(tenant, 47, noteId));

        assertEquals(1, await(woo.listOrderRefunds(tenant, 58)).items().size());
        long refundId = await(woo.listOrderRefunds(tenant, 58)).items().get(0).path("id").asLong();
        assertEquals(refundId, await(woo.getOrderRefund(tenant, 58, refundId)).body().path("id").asLong());
        JsonNode refund = await(
                woo.createOrderRefund(tenant, 53, object("{\"amount\":\"10.00\",\"reason\":\"test\",\"api_refund\":false}")))
                .body();
        assertEquals("10.00", refund.path("amount").asText());
        WooException tooMuch = assertThrows(WooException.class,
                () -> await(woo.createOrderRefund(tenant, 58, object("{\"amount\":\"1000.00\"}"))));
        assertEquals("woocommerce_rest_cannot_create_order_refund", tooMuch.code());
        assertEquals(400, tooMuch.status(), "a business refusal is not a store failure");
    }

    @Test
    void customers() throws Exception {
        assertTrue(await(woo.listCustomers(tenant, Map.of("per_page", 10))).items().size() >= 5);
        JsonNode alice = await(woo.getCustomerByEmail(tenant, "alice.johnson@example.com"));
        assertEquals(2, alice.path("id").asInt());
        assertNull(await(woo.getCustomerByEmail(tenant, "nobody@example.com")));
        assertEquals("Alice", await(woo.getCustomer(tenant, 2)).body().path("first_name").asText());
        long id = await(woo.createCustomer(tenant, object("{\"email\":\"new.customer@example.com\",\"first_name\":\"New\"}")))
                .body().path("id").asLong();
        assertEquals("Lisbon", await(woo.updateCustomer(tenant, id, object("{\"shipping\":{\"city\":\"Lisbon\"}}"))).body()
                .at("/shipping/city").asText());
        assertTrue(await(woo.getCustomerDownloads(tenant, 2)).body().isArray());
        assertTrue(assertThrows(WooException.class, () -> await(woo.getCustomer(tenant, 999999))).notFound());
    }

    @Test
    void coupons() throws Exception {
        JsonNode created = await(
                woo.createCoupon(tenant, object("{\"code\":\"SPRING-TEST\",\"discount_type\":\"percent\",\"amount\":\"10\"}")))
                .body();
        assertEquals("spring-test", created.path("code").asText());
        assertEquals(created.path("id").asLong(), await(woo.getCouponByCode(tenant, "SPRING-TEST")).path("id").asLong());
        assertNull(await(woo.getCouponByCode(tenant, "no-such-code")));
        assertEquals("15.00", await(woo.updateCoupon(tenant, created.path("id").asLong(), object("{\"amount\":\"15\"}"))).body()
                .path("amount").asText());
        WooException duplicate = assertThrows(WooException.class, () -> await(woo.createCoupon(tenant,
                object("{\"code\":\"spring-test\",\"discount_type\":\"percent\",\"amount\":\"10\"}"))));
        assertEquals("woocommerce_rest_coupon_code_already_exists", duplicate.code());
        assertFalse(await(woo.listCoupons(tenant, Map.of())).items().isEmpty());
        await(woo.deleteCoupon(tenant, created.path("id").asLong(), true));
        assertNotNull(
                await(woo.getCoupon(tenant, await(woo.listCoupons(tenant, Map.of())).items().get(0).path("id").asLong())));
    }

    @Test
    void reportsSystemStatusAndSettings() throws Exception {
        assertFalse(await(woo.listReports(tenant)).items().isEmpty());
        assertTrue(await(woo.getSalesReport(tenant, Map.of("period", "month"))).items().get(0).has("total_sales"));
        assertTrue(await(woo.getTopSellersReport(tenant, Map.of("period", "year"))).body().isArray());
        for (Uni<WooResponse> totals : List.of(woo.getOrdersReport(tenant), woo.getProductsReport(tenant),
                woo.getCustomersReport(tenant), woo.getCouponsReport(tenant), woo.getReviewsReport(tenant))) {
            assertTrue(await(totals).body().isArray());
        }
        assertTrue(await(woo.getSystemStatus(tenant)).body().has("environment"));
        assertTrue(
                await(woo.getSettingsGroups(tenant)).items().stream().anyMatch(g -> g.path("id").asText().equals("general")));
        assertFalse(await(woo.getSettingsOptions(tenant, "general")).items().isEmpty());
        assertEquals("woocommerce_currency", await(woo.getSettingOption(tenant, "general", "woocommerce_currency")).body()
                .path("id").asText());
        assertEquals("EUR",
                await(woo.updateSettingOption(tenant, "general", "woocommerce_currency", json.getNodeFactory().textNode("EUR")))
                        .body().path("value").asText());
    }

    @Test
    void wrongKeysAreAStoreAuthFailure() {
        ActiveTenant wrong = new ActiveTenant("wrong.test", "x", URI.create(storeUrl), true, DemoStore.CONSUMER_KEY,
                "cs_wrong", "s", List.of(), null, true);
        WooException e = assertThrows(WooException.class, () -> await(woo.getProduct(wrong, 23)));
        assertEquals(WooException.Kind.AUTH, e.kind());
        assertEquals(502, e.status());
    }

    private static final class Set {
        static java.util.Set<String> of(String... values) {
            return java.util.Set.of(values);
        }
    }
}
