package io.csc.demostore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Order rules: line items and totals, status transitions with their dates, notes, stock and sales counts. */
final class Orders {

    /** Statuses an order can be set to (REST schema enum, in WooCommerce's order). */
    static final List<String> STATUSES = List.of("auto-draft", "pending", "processing", "on-hold", "completed",
            "cancelled", "refunded", "failed", "checkout-draft");
    static final Map<String, String> LABELS = Map.of("pending", "Pending payment", "processing", "Processing",
            "on-hold", "On hold", "completed", "Completed", "cancelled", "Cancelled", "refunded", "Refunded", "failed",
            "Failed", "checkout-draft", "Draft", "auto-draft", "Draft");
    /** Statuses whose orders count in total_sales and reduce stock in WooCommerce. */
    static final Set<String> SALES_STATUSES = Set.of("processing", "completed", "on-hold", "refunded");
    private static final Set<String> PAID_STATUSES = Set.of("processing", "completed");
    /** The demo store reduces stock when an order is created unless it is created in one of these. */
    private static final Set<String> NO_STOCK_STATUSES = Set.of("cancelled", "failed", "checkout-draft", "auto-draft",
            "trash");

    private Orders() {
    }

    /** A line item for a posted {product_id | variation_id | sku, quantity, ...}. */
    static ObjectNode lineItem(Store store, JsonNode posted) {
        ObjectNode product = productFor(store, posted);
        ObjectNode item = store.template("line_item");
        int quantity = posted.hasNonNull("quantity") ? (int) Json.decimal(posted, "quantity").longValue() : 1;
        BigDecimal lineTotal = Json.decimal(product, "price").multiply(BigDecimal.valueOf(quantity));
        boolean variation = "variation".equals(Json.text(product, "type"));
        ObjectNode parent = variation ? store.products.get(product.get("parent_id").asInt()) : null;
        item.put("id", store.nextOrderItemId());
        item.put("name", posted.hasNonNull("name") ? posted.get("name").asText() : itemName(product, parent));
        item.put("product_id", variation ? product.get("parent_id").asInt() : product.get("id").asInt());
        item.put("variation_id", variation ? product.get("id").asInt() : 0);
        item.put("quantity", quantity);
        BigDecimal subtotal = posted.hasNonNull("subtotal") ? Json.decimal(posted, "subtotal") : lineTotal;
        BigDecimal total = posted.hasNonNull("total") ? Json.decimal(posted, "total") : subtotal;
        item.put("subtotal", Json.money(subtotal));
        item.put("total", Json.money(total));
        ArrayNode meta = item.putArray("meta_data");
        if (variation) {
            for (JsonNode a : product.path("attributes")) {
                String option = Json.text(a, "option");
                meta.addObject().put("id", store.nextMetaId()).put("key", Json.text(a, "slug"))
                        .put("value", Catalog.slug(option)).put("display_key", Json.text(a, "name"))
                        .put("display_value", option);
            }
        }
        item.put("sku", Json.text(product, "sku"));
        setPrice(item);
        if (parent != null) {
            item.put("parent_name", Json.text(parent, "name"));
        } else {
            item.putNull("parent_name");
        }
        return item;
    }

    private static String itemName(ObjectNode product, ObjectNode parent) {
        if (parent == null) {
            return Json.text(product, "name");
        }
        List<String> options = new ArrayList<>();
        product.path("attributes").forEach(a -> options.add(Json.text(a, "option")));
        return Json.text(parent, "name") + (options.isEmpty() ? "" : " - " + String.join(", ", options));
    }

    private static ObjectNode productFor(Store store, JsonNode posted) {
        ObjectNode product = null;
        if (posted.hasNonNull("sku") && !posted.get("sku").asText().isEmpty()) {
            String sku = posted.get("sku").asText();
            for (ObjectNode p : store.products.values()) {
                if (sku.equalsIgnoreCase(Json.text(p, "sku")) && !"variable".equals(Json.text(p, "type"))) {
                    product = p;
                }
            }
            for (ObjectNode v : store.variations.values()) {
                if (sku.equalsIgnoreCase(Json.text(v, "sku"))) {
                    product = v;
                }
            }
        } else if (posted.path("variation_id").asInt() != 0) {
            product = store.variations.get(posted.get("variation_id").asInt());
        } else if (posted.path("product_id").asInt() != 0) {
            product = store.anyProduct(posted.get("product_id").asInt());
        } else {
            throw WooErrors.error(400, "woocommerce_rest_required_product_reference", "Product ID or SKU is required.");
        }
        if (product == null) {
            throw WooErrors.error(400, "woocommerce_rest_invalid_product_id", "Invalid product ID.");
        }
        return product;
    }

    /** "price" on a line item is total / quantity, written like a PHP float. */
    static void setPrice(ObjectNode item) {
        int quantity = item.path("quantity").asInt();
        BigDecimal total = Json.decimal(item, "total");
        item.set("price", quantity == 0
                ? Json.NODES.numberNode(0)
                : Json.number(total.divide(BigDecimal.valueOf(quantity), 6, RoundingMode.HALF_UP)));
    }

    static ObjectNode shippingLine(Store store, JsonNode posted) {
        if (!posted.hasNonNull("method_id") || posted.get("method_id").asText().isEmpty()) {
            throw WooErrors.error(400, "woocommerce_rest_invalid_shipping_item", "Shipping method ID is required.");
        }
        ObjectNode line = store.template("shipping_line");
        line.put("id", store.nextOrderItemId());
        line.put("method_title", Json.text(posted, "method_title"));
        line.put("method_id", Json.text(posted, "method_id"));
        line.put("instance_id", Json.text(posted, "instance_id"));
        line.put("total", Json.money(Json.decimal(posted, "total")));
        return line;
    }

    static ObjectNode feeLine(Store store, JsonNode posted) {
        if (!posted.hasNonNull("name") || posted.get("name").asText().isEmpty()) {
            throw WooErrors.error(400, "woocommerce_rest_invalid_fee_item", "Fee name is required.");
        }
        ObjectNode line = store.template("fee_line");
        line.put("id", store.nextOrderItemId());
        line.put("name", posted.get("name").asText());
        line.put("tax_class", Json.text(posted, "tax_class"));
        if (posted.hasNonNull("tax_status")) {
            line.put("tax_status", posted.get("tax_status").asText());
        }
        line.put("amount", Json.text(posted, "total"));
        line.put("total", Json.money(Json.decimal(posted, "total")));
        return line;
    }

    /** Applies the coupon lines' discounts to the line items (no taxes: the store does not calculate them). */
    static void applyCoupons(Store store, ObjectNode order, List<JsonNode> postedCoupons) {
        ArrayNode couponLines = order.putArray("coupon_lines");
        List<ObjectNode> items = Json.objects(order.get("line_items"));
        for (ObjectNode item : items) {
            item.put("total", item.get("subtotal").asText());
        }
        for (JsonNode posted : postedCoupons) {
            String code = Json.text(posted, "code").trim().toLowerCase(java.util.Locale.ROOT);
            if (code.isEmpty()) {
                throw WooErrors.error(400, "woocommerce_rest_invalid_coupon_coupon", "Coupon code is required.");
            }
            ObjectNode coupon = null;
            for (ObjectNode c : store.coupons.values()) {
                if (code.equals(Json.text(c, "code")) && !"trash".equals(Json.text(c, "status"))) {
                    coupon = c;
                }
            }
            if (coupon == null) {
                throw WooErrors.error(400, "woocommerce_rest_invalid_coupon",
                        "Coupon \"" + code + "\" does not exist!");
            }
            BigDecimal amount = Json.decimal(coupon, "amount");
            String type = Json.text(coupon, "discount_type");
            BigDecimal base = BigDecimal.ZERO;
            for (ObjectNode item : items) {
                base = base.add(Json.decimal(item, "total"));
            }
            BigDecimal discount = BigDecimal.ZERO;
            for (ObjectNode item : items) {
                BigDecimal lineTotal = Json.decimal(item, "total");
                BigDecimal off = switch (type) {
                    case "percent" -> lineTotal.multiply(amount).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
                    case "fixed_product" -> amount.multiply(BigDecimal.valueOf(item.path("quantity").asInt()));
                    default -> base.signum() == 0
                            ? BigDecimal.ZERO
                            : amount.min(base).multiply(lineTotal).divide(base, 2, RoundingMode.HALF_UP);
                };
                off = off.min(lineTotal);
                item.put("total", Json.money(lineTotal.subtract(off)));
                discount = discount.add(off);
            }
            ObjectNode line = store.template("coupon_line");
            line.put("id", store.nextOrderItemId());
            line.put("code", code);
            line.put("discount", Json.money(discount));
            line.put("discount_type", type);
            line.set("nominal_amount", Json.number(amount));
            line.put("free_shipping", coupon.path("free_shipping").asBoolean());
            couponLines.add(line);
            coupon.put("usage_count", coupon.path("usage_count").asInt() + 1);
            String email = Json.text(order.get("billing"), "email");
            if (!email.isEmpty()) {
                coupon.withArray("used_by").add(email);
            }
        }
        items.forEach(Orders::setPrice);
    }

    /** WC_Order::calculate_totals without taxes. */
    static void recalculate(ObjectNode order) {
        BigDecimal subtotal = BigDecimal.ZERO;
        BigDecimal items = BigDecimal.ZERO;
        for (ObjectNode item : Json.objects(order.get("line_items"))) {
            subtotal = subtotal.add(Json.decimal(item, "subtotal"));
            items = items.add(Json.decimal(item, "total"));
        }
        BigDecimal shipping = BigDecimal.ZERO;
        for (ObjectNode line : Json.objects(order.get("shipping_lines"))) {
            shipping = shipping.add(Json.decimal(line, "total"));
        }
        BigDecimal fees = BigDecimal.ZERO;
        for (ObjectNode line : Json.objects(order.get("fee_lines"))) {
            fees = fees.add(Json.decimal(line, "total"));
        }
        order.put("discount_total", Json.money(subtotal.subtract(items)));
        order.put("discount_tax", "0.00");
        order.put("shipping_total", Json.money(shipping));
        order.put("shipping_tax", "0.00");
        order.put("cart_tax", "0.00");
        order.put("total", Json.money(items.add(shipping).add(fees).max(BigDecimal.ZERO)));
        order.put("total_tax", "0.00");
    }

    /** is_editable, needs_payment, needs_processing as WC_Order computes them. */
    static void refreshFlags(ObjectNode order) {
        String status = Json.text(order, "status");
        order.put("is_editable", Set.of("pending", "on-hold", "auto-draft", "checkout-draft").contains(status));
        order.put("needs_payment",
                Set.of("pending", "failed").contains(status) && Json.decimal(order, "total").signum() > 0);
        order.put("needs_processing", true);
    }

    static BigDecimal refunded(Store store, int orderId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Store.Owned r : store.refundsOf(orderId)) {
            sum = sum.add(Json.decimal(r.json(), "amount"));
        }
        return sum;
    }

    /** What happens around a status change in WooCommerce: dates, the note, stock, sales counts. */
    static void changeStatus(Store store, ObjectNode order, String to) {
        String from = Json.text(order, "status");
        int id = order.get("id").asInt();
        String now = store.now();
        order.put("status", to);
        if (PAID_STATUSES.contains(to) && order.path("date_paid").isNull()) {
            order.put("date_paid", now);
            order.put("date_paid_gmt", now);
        }
        if (to.equals("completed")) {
            order.put("date_completed", now);
            order.put("date_completed_gmt", now);
        }
        if (!from.equals(to)) {
            store.addNote(id, "Order status changed from " + LABELS.getOrDefault(from, from) + " to "
                    + LABELS.getOrDefault(to, to) + ".", false, "WooCommerce");
        }
        if (to.equals("refunded") && !from.equals("refunded")) {
            // wc_order_fully_refunded: setting the status refunds whatever is left, without the gateway.
            BigDecimal left = Json.decimal(order, "total").subtract(refunded(store, id));
            if (left.signum() > 0) {
                RefundRoutes.record(store, order, left, "Order status set to refunded. To return funds to the customer"
                        + " you will need to issue a refund through your payment gateway.", List.of(), false);
            }
        }
        if (Set.of("processing", "completed", "on-hold").contains(to)) {
            reduceStock(store, order);
            recordSales(store, order);
        } else if (Set.of("cancelled", "pending").contains(to) && !from.equals(to)) {
            restoreStock(store, order);
        }
        refreshFlags(order);
    }

    /**
     * A new order starts pending; the demo store takes its stock at once (as a checkout would) unless it is created
     * cancelled, failed or as a draft, then moves it to the requested status.
     */
    static void onCreated(Store store, ObjectNode order, String status) {
        order.put("status", "pending");
        if (!NO_STOCK_STATUSES.contains(status)) {
            reduceStock(store, order);
        }
        if (!status.equals("pending")) {
            changeStatus(store, order, status);
        }
        refreshFlags(order);
    }

    static void recordSales(Store store, ObjectNode order) {
        int id = order.get("id").asInt();
        if (store.recordedSales.add(id)) {
            for (ObjectNode item : Json.objects(order.get("line_items"))) {
                Catalog.addSales(store, item.path("product_id").asInt(), item.path("variation_id").asInt(),
                        item.path("quantity").asInt());
            }
        }
    }

    /** wc_reduce_stock_levels: managed-stock items not reduced yet get _reduced_stock and a note. */
    static void reduceStock(Store store, ObjectNode order) {
        List<String> changes = new ArrayList<>();
        for (ObjectNode item : Json.objects(order.get("line_items"))) {
            if (meta(item, "_reduced_stock") != null) {
                continue;
            }
            ObjectNode product = stockProduct(store, item);
            int quantity = item.path("quantity").asInt();
            Integer before = product == null ? null : Catalog.adjustStock(store, product, -quantity);
            if (before == null) {
                continue;
            }
            item.withArray("meta_data").addObject().put("id", store.nextMetaId()).put("key", "_reduced_stock")
                    .put("value", String.valueOf(quantity)).put("display_key", "_reduced_stock")
                    .put("display_value", String.valueOf(quantity));
            changes.add(Json.text(item, "name") + " (" + Json.text(product, "sku") + ") " + before + "&rarr;"
                    + (before - quantity));
        }
        if (!changes.isEmpty()) {
            store.addNote(order.get("id").asInt(), "Stock levels reduced: " + String.join(", ", changes), false,
                    "WooCommerce");
        }
    }

    /** wc_increase_stock_levels: gives back what _reduced_stock says was taken. */
    static void restoreStock(Store store, ObjectNode order) {
        List<String> changes = new ArrayList<>();
        for (ObjectNode item : Json.objects(order.get("line_items"))) {
            ObjectNode reduced = meta(item, "_reduced_stock");
            if (reduced == null) {
                continue;
            }
            int quantity = Integer.parseInt(Json.text(reduced, "value"));
            ArrayNode meta = item.withArray("meta_data");
            for (int i = meta.size() - 1; i >= 0; i--) {
                if ("_reduced_stock".equals(Json.text(meta.get(i), "key"))) {
                    meta.remove(i);
                }
            }
            ObjectNode product = stockProduct(store, item);
            Integer before = product == null ? null : Catalog.adjustStock(store, product, quantity);
            if (before != null && quantity != 0) {
                changes.add(Json.text(item, "name") + " (" + Json.text(product, "sku") + ") " + before + "&rarr;"
                        + (before + quantity));
            }
        }
        if (!changes.isEmpty()) {
            store.addNote(order.get("id").asInt(), "Stock levels increased: " + String.join(", ", changes), false,
                    "WooCommerce");
        }
    }

    static ObjectNode stockProduct(Store store, ObjectNode item) {
        int variationId = item.path("variation_id").asInt();
        return variationId != 0 ? store.variations.get(variationId) : store.products.get(item.path("product_id").asInt());
    }

    static ObjectNode meta(ObjectNode item, String key) {
        for (JsonNode m : item.path("meta_data")) {
            if (key.equals(Json.text(m, "key"))) {
                return (ObjectNode) m;
            }
        }
        return null;
    }
}
