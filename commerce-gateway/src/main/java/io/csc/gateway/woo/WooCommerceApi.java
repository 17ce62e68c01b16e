package io.csc.gateway.woo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.gateway.tenant.ActiveTenant;
import io.smallrye.mutiny.Uni;

/**
 * The WooCommerce REST API v3 as the spec's API reference lists it: products (with every list filter, batch),
 * variations, orders, order notes, refunds, customers, coupons, reports, system status and settings. Each call takes
 * the tenant and answers the store's JSON; filters are passed as WooCommerce names them ({@code stock_status},
 * {@code per_page}, ...), lists as comma lists. One method per endpoint, nothing about HTTP: authentication, timeouts,
 * retries and the per-store circuit breaker are {@link WooTransport}'s.
 */
@ApplicationScoped
public class WooCommerceApi {
    /** WooCommerce refuses more than 100 items in one batch (413). */
    public static final int MAX_BATCH = 100;

    private final WooTransport transport;
    private final ObjectMapper json;

    public WooCommerceApi(WooTransport transport, ObjectMapper json) {
        this.transport = transport;
        this.json = json;
    }

    // Products

    /** Filters: page, per_page, search, status, type, sku, featured, category, tag, on_sale, min_price, max_price, stock_status, orderby, order, include. */
    public Uni<WooResponse> listProducts(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("products.list", "products").params(filters));
    }

    public Uni<WooResponse> getProduct(ActiveTenant t, long id) {
        return send(t, WooRequest.get("products.get", "products/" + id));
    }

    public Uni<WooResponse> createProduct(ActiveTenant t, JsonNode product) {
        return send(t, WooRequest.post("products.create", "products", product));
    }

    public Uni<WooResponse> updateProduct(ActiveTenant t, long id, JsonNode changes) {
        return send(t, WooRequest.put("products.update", "products/" + id, changes));
    }

    public Uni<WooResponse> deleteProduct(ActiveTenant t, long id, boolean force) {
        return send(t, WooRequest.delete("products.delete", "products/" + id).param("force", force));
    }

    /** {@code {create: [...], update: [{id, ...}], delete: [ids]}}; more than {@link #MAX_BATCH} items in all is refused. */
    public Uni<WooResponse> batchProducts(ActiveTenant t, JsonNode batch) {
        int items = batch.path("create").size() + batch.path("update").size() + batch.path("delete").size();
        if (items > MAX_BATCH) {
            return Uni.createFrom().failure(WooException.rejected(413, "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than 100 items for this request."));
        }
        return send(t, WooRequest.post("products.batch", "products/batch", batch));
    }

    public Uni<WooResponse> listCategories(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("categories.list", "products/categories").params(filters));
    }

    // Variations

    public Uni<WooResponse> listVariations(ActiveTenant t, long productId, Map<String, ?> filters) {
        return send(t, WooRequest.get("variations.list", "products/" + productId + "/variations").params(filters));
    }

    public Uni<WooResponse> getVariation(ActiveTenant t, long productId, long variationId) {
        return send(t, WooRequest.get("variations.get", "products/" + productId + "/variations/" + variationId));
    }

    public Uni<WooResponse> createVariation(ActiveTenant t, long productId, JsonNode variation) {
        return send(t, WooRequest.post("variations.create", "products/" + productId + "/variations", variation));
    }

    public Uni<WooResponse> updateVariation(ActiveTenant t, long productId, long variationId, JsonNode changes) {
        return send(t, WooRequest.put("variations.update", "products/" + productId + "/variations/" + variationId, changes));
    }

    public Uni<WooResponse> deleteVariation(ActiveTenant t, long productId, long variationId, boolean force) {
        return send(t, WooRequest.delete("variations.delete", "products/" + productId + "/variations/" + variationId)
                .param("force", force));
    }

    // Orders

    /** Filters: page, per_page, status (list), customer, product, after, before, search, orderby, order. */
    public Uni<WooResponse> listOrders(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("orders.list", "orders").params(filters));
    }

    public Uni<WooResponse> getOrder(ActiveTenant t, long id) {
        return send(t, WooRequest.get("orders.get", "orders/" + id));
    }

    public Uni<WooResponse> createOrder(ActiveTenant t, JsonNode order) {
        return send(t, WooRequest.post("orders.create", "orders", order));
    }

    public Uni<WooResponse> updateOrder(ActiveTenant t, long id, JsonNode changes) {
        return send(t, WooRequest.put("orders.update", "orders/" + id, changes));
    }

    public Uni<WooResponse> deleteOrder(ActiveTenant t, long id, boolean force) {
        return send(t, WooRequest.delete("orders.delete", "orders/" + id).param("force", force));
    }

    // Order notes

    /** {@code type}: any, customer or internal. */
    public Uni<WooResponse> listOrderNotes(ActiveTenant t, long orderId, String type) {
        return send(t, WooRequest.get("order_notes.list", "orders/" + orderId + "/notes").param("type", type));
    }

    public Uni<WooResponse> createOrderNote(ActiveTenant t, long orderId, String note, boolean customerNote) {
        ObjectNode body = json.createObjectNode().put("note", note).put("customer_note", customerNote);
        return send(t, WooRequest.post("order_notes.create", "orders/" + orderId + "/notes", body));
    }

    public Uni<WooResponse> deleteOrderNote(ActiveTenant t, long orderId, long noteId) {
        return send(t, WooRequest.delete("order_notes.delete", "orders/" + orderId + "/notes/" + noteId).param("force", true));
    }

    // Refunds

    public Uni<WooResponse> listOrderRefunds(ActiveTenant t, long orderId) {
        return send(t, WooRequest.get("refunds.list", "orders/" + orderId + "/refunds"));
    }

    public Uni<WooResponse> getOrderRefund(ActiveTenant t, long orderId, long refundId) {
        return send(t, WooRequest.get("refunds.get", "orders/" + orderId + "/refunds/" + refundId));
    }

    /** {@code {amount, reason?, refunded_by?, api_refund?, line_items?: [{id, quantity?, refund_total?}]}}. */
    public Uni<WooResponse> createOrderRefund(ActiveTenant t, long orderId, JsonNode refund) {
        return send(t, WooRequest.post("refunds.create", "orders/" + orderId + "/refunds", refund));
    }

    /** All refunds of the store (WooCommerce 9.0+). */
    public Uni<WooResponse> listRefunds(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("refunds.list_all", "refunds").params(filters));
    }

    public Uni<WooResponse> getRefund(ActiveTenant t, long refundId) {
        return send(t, WooRequest.get("refunds.get_any", "refunds/" + refundId));
    }

    // Customers

    /** Filters: page, per_page, search, email, role, orderby, order. */
    public Uni<WooResponse> listCustomers(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("customers.list", "customers").params(filters));
    }

    public Uni<WooResponse> getCustomer(ActiveTenant t, long id) {
        return send(t, WooRequest.get("customers.get", "customers/" + id));
    }

    /** The customer registered with this email, or null (WooCommerce matches emails exactly, case-insensitively). */
    public Uni<JsonNode> getCustomerByEmail(ActiveTenant t, String email) {
        return send(t, WooRequest.get("customers.by_email", "customers").param("email", email).param("role", "all"))
                .map(r -> r.items().isEmpty() ? null : r.items().get(0));
    }

    public Uni<WooResponse> createCustomer(ActiveTenant t, JsonNode customer) {
        return send(t, WooRequest.post("customers.create", "customers", customer));
    }

    public Uni<WooResponse> updateCustomer(ActiveTenant t, long id, JsonNode changes) {
        return send(t, WooRequest.put("customers.update", "customers/" + id, changes));
    }

    public Uni<WooResponse> getCustomerDownloads(ActiveTenant t, long customerId) {
        return send(t, WooRequest.get("customers.downloads", "customers/" + customerId + "/downloads"));
    }

    // Coupons

    public Uni<WooResponse> listCoupons(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("coupons.list", "coupons").params(filters));
    }

    public Uni<WooResponse> getCoupon(ActiveTenant t, long id) {
        return send(t, WooRequest.get("coupons.get", "coupons/" + id));
    }

    /** WooCommerce stores codes lower-cased; so does the lookup. Null when there is no such coupon. */
    public Uni<JsonNode> getCouponByCode(ActiveTenant t, String code) {
        return send(t, WooRequest.get("coupons.by_code", "coupons").param("code", code.toLowerCase(Locale.ROOT)))
                .map(r -> r.items().isEmpty() ? null : r.items().get(0));
    }

    /** {@code {code, discount_type, amount, individual_use, usage_limit, usage_limit_per_user, date_expires, email_restrictions, ...}}. */
    public Uni<WooResponse> createCoupon(ActiveTenant t, JsonNode coupon) {
        return send(t, WooRequest.post("coupons.create", "coupons", coupon));
    }

    public Uni<WooResponse> updateCoupon(ActiveTenant t, long id, JsonNode changes) {
        return send(t, WooRequest.put("coupons.update", "coupons/" + id, changes));
    }

    public Uni<WooResponse> deleteCoupon(ActiveTenant t, long id, boolean force) {
        return send(t, WooRequest.delete("coupons.delete", "coupons/" + id).param("force", force));
    }

    // Reports

    public Uni<WooResponse> listReports(ActiveTenant t) {
        return send(t, WooRequest.get("reports.list", "reports"));
    }

    /** {@code period}: week, month, last_month, year; or {@code date_min}/{@code date_max} (YYYY-MM-DD). */
    public Uni<WooResponse> getSalesReport(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("reports.sales", "reports/sales").params(filters));
    }

    public Uni<WooResponse> getTopSellersReport(ActiveTenant t, Map<String, ?> filters) {
        return send(t, WooRequest.get("reports.top_sellers", "reports/top_sellers").params(filters));
    }

    public Uni<WooResponse> getCouponsReport(ActiveTenant t) {
        return totals(t, "coupons");
    }

    public Uni<WooResponse> getCustomersReport(ActiveTenant t) {
        return totals(t, "customers");
    }

    public Uni<WooResponse> getOrdersReport(ActiveTenant t) {
        return totals(t, "orders");
    }

    public Uni<WooResponse> getProductsReport(ActiveTenant t) {
        return totals(t, "products");
    }

    public Uni<WooResponse> getReviewsReport(ActiveTenant t) {
        return totals(t, "reviews");
    }

    private Uni<WooResponse> totals(ActiveTenant t, String report) {
        return send(t, WooRequest.get("reports." + report, "reports/" + report + "/totals"));
    }

    // System and settings

    /**
     * WordPress's public site index ({@code GET /wp-json/}), trimmed to the site's time zone: {@code timezone_string}
     * (a zone id, empty when the site uses a fixed offset) and {@code gmt_offset} (hours). No WooCommerce route tells
     * the time zone, yet WooCommerce reads a coupon's {@code date_expires} in it.
     */
    public Uni<WooResponse> getSiteTimeZone(ActiveTenant t) {
        return send(t, WooRequest.get("site.index", "/wp-json/").param("_fields", "timezone_string,gmt_offset").anonymous());
    }

    public Uni<WooResponse> getSystemStatus(ActiveTenant t) {
        return send(t, WooRequest.get("system_status.get", "system_status"));
    }

    public Uni<WooResponse> getSettingsGroups(ActiveTenant t) {
        return send(t, WooRequest.get("settings.groups", "settings"));
    }

    public Uni<WooResponse> getSettingsOptions(ActiveTenant t, String groupId) {
        return send(t, WooRequest.get("settings.options", "settings/" + groupId));
    }

    public Uni<WooResponse> getSettingOption(ActiveTenant t, String groupId, String optionId) {
        return send(t, WooRequest.get("settings.option", "settings/" + groupId + "/" + optionId));
    }

    public Uni<WooResponse> updateSettingOption(ActiveTenant t, String groupId, String optionId, JsonNode value) {
        ObjectNode body = json.createObjectNode();
        body.set("value", value);
        return send(t, WooRequest.put("settings.update", "settings/" + groupId + "/" + optionId, body));
    }

    // WordPress content (public routes: sent without credentials)

    /** One page of {@code /wp-json/wp/v2/pages} or {@code /posts}; {@code filters} as WordPress names them. */
    public Uni<WooResponse> listWordPressContent(ActiveTenant t, String type, Map<String, ?> filters) {
        return send(t, WooRequest.get("wp." + type + ".list", "/wp-json/wp/v2/" + type).params(filters).anonymous());
    }

    // Store set-up

    public Uni<WooResponse> listShippingZones(ActiveTenant t) {
        return send(t, WooRequest.get("shipping.zones", "shipping/zones"));
    }

    public Uni<WooResponse> listShippingZoneLocations(ActiveTenant t, long zoneId) {
        return send(t, WooRequest.get("shipping.locations", "shipping/zones/" + zoneId + "/locations"));
    }

    public Uni<WooResponse> listShippingZoneMethods(ActiveTenant t, long zoneId) {
        return send(t, WooRequest.get("shipping.methods", "shipping/zones/" + zoneId + "/methods"));
    }

    public Uni<WooResponse> listPaymentGateways(ActiveTenant t) {
        return send(t, WooRequest.get("payment_gateways.list", "payment_gateways"));
    }

    /** Any call, for the admin proxy: the caller's method, path below {@code /wc/v3}, query and body. */
    public Uni<WooResponse> raw(ActiveTenant t, String method, String path, List<Map.Entry<String, String>> query,
            JsonNode body) {
        WooRequest.Builder request = WooRequest.of(method, "proxy", path).body(body);
        query.forEach(e -> request.param(e.getKey(), e.getValue()));
        return transport.send(t, request.build());
    }

    /** Every page of a list (following the store's {@code Link} header), at most {@code maxPages} pages. */
    public Uni<List<JsonNode>> all(ActiveTenant t, String operation, String path, Map<String, ?> filters, int maxPages) {
        return transport.fetchAll(t, WooRequest.get(operation, path).params(filters).build(), maxPages);
    }

    private Uni<WooResponse> send(ActiveTenant t, WooRequest.Builder request) {
        return transport.send(t, request.build());
    }
}
