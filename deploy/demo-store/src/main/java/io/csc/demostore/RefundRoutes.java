package io.csc.demostore;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /orders/{order_id}/refunds: list, get, create (wc_create_refund), delete. */
final class RefundRoutes {

    /** WooCommerce core gateways; none of them can refund automatically. */
    private static final Set<String> CORE_GATEWAYS = Set.of("bacs", "cheque", "cod");

    private final Store store;

    RefundRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/orders/(?P<order_id>[\\d]+)/refunds")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.integer("offset"), Param.order(),
                        Param.integer("dp"))
                .post(Access.CREATE, this::create, Param.string("amount"), Param.string("reason"),
                        Param.array("line_items"), Param.bool("api_refund"), Param.bool("api_restock"),
                        Param.array("meta_data"));
        api.route("/wc/v3/orders/(?P<order_id>[\\d]+)/refunds/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private RestResponse list(RestRequest r) {
        List<ObjectNode> refunds = new ArrayList<>();
        store.refundsOf(r.pathId("order_id")).forEach(o -> refunds.add(o.json()));
        Comparator<ObjectNode> order = Comparator.comparing((ObjectNode o) -> Json.text(o, "date_created_gmt"))
                .thenComparingInt(o -> o.get("id").asInt());
        refunds.sort("asc".equals(r.string("order")) ? order : order.reversed());
        return Paging.page(r, refunds, store.api("/orders/" + r.pathId("order_id") + "/refunds"));
    }

    private Store.Owned find(RestRequest r) {
        Store.Owned refund = store.refunds.get(r.pathId("id"));
        if (refund == null || refund.orderId() != r.pathId("order_id")) {
            throw WooErrors.invalidId("shop_order_refund", 404);
        }
        return refund;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r).json());
    }

    private RestResponse create(RestRequest r) {
        int orderId = r.pathId("order_id");
        ObjectNode order = store.orders.get(orderId);
        if (order == null) {
            throw WooErrors.errorWithIntData("woocommerce_rest_invalid_order_id", "Invalid order ID.", 404);
        }
        List<ObjectNode> lines = Json.objects(r.body.get("line_items"));
        BigDecimal amount;
        if (r.has("amount")) {
            amount = Json.decimal(r.param("amount"));
        } else {
            amount = BigDecimal.ZERO;
            for (ObjectNode line : lines) {
                amount = amount.add(Json.decimal(line, "refund_total")).add(Json.decimal(line, "refund_tax"));
            }
        }
        if (amount.signum() < 0) {
            throw WooErrors.errorWithIntData("woocommerce_rest_invalid_order_refund",
                    "Refund amount must be greater than zero.", 400);
        }
        BigDecimal remaining = Json.decimal(order, "total").subtract(Orders.refunded(store, orderId));
        if (amount.compareTo(remaining) > 0) {
            throw WooErrors.errorWithIntData("woocommerce_rest_cannot_create_order_refund", "Invalid refund amount.",
                    500);
        }
        boolean apiRefund = !Boolean.FALSE.equals(r.bool("api_refund"));
        if (apiRefund) {
            // wc_create_refund saves the refund before asking the gateway, then deletes it: the id is used up.
            store.nextPostId();
            String gateway = Json.text(order, "payment_method");
            throw WooErrors.errorWithIntData("woocommerce_rest_cannot_create_order_refund",
                    CORE_GATEWAYS.contains(gateway)
                            ? "The payment gateway for this order does not support automatic refunds."
                            : "The payment gateway for this order does not exist.",
                    500);
        }
        boolean restock = !Boolean.FALSE.equals(r.bool("api_restock"));
        ObjectNode refund = record(store, order, amount, r.string("reason", ""), lines, restock);
        return RestResponse.created(refund,
                // WooCommerce builds this Location from the route pattern, placeholder included.
                store.api("/orders/(?P<order_id>[\\d]+)/refunds/" + refund.get("id").asInt()));
    }

    /** Stores a refund, links it into the order and marks the order refunded once nothing is left to refund. */
    static ObjectNode record(Store store, ObjectNode order, BigDecimal amount, String reason, List<ObjectNode> lines,
            boolean restock) {
        int orderId = order.get("id").asInt();
        int id = store.nextPostId();
        String now = store.now();
        ObjectNode refund = store.template("refund");
        refund.put("id", id);
        refund.put("date_created", now);
        refund.put("date_created_gmt", now);
        refund.put("amount", Json.money(amount));
        refund.put("reason", reason);
        refund.put("refunded_payment", false);
        ArrayNode refundLines = refund.putArray("line_items");
        for (ObjectNode posted : lines) {
            ObjectNode item = orderItem(order, posted.path("id").asInt());
            if (item == null) {
                continue;
            }
            int quantity = posted.path("quantity").asInt();
            BigDecimal total = Json.decimal(posted, "refund_total");
            ObjectNode line = store.template("refund_line_item");
            line.put("id", store.nextOrderItemId());
            line.set("name", item.get("name"));
            line.set("product_id", item.get("product_id"));
            line.set("variation_id", item.get("variation_id"));
            line.put("quantity", -quantity);
            line.put("subtotal", Json.money(total.negate()));
            line.put("total", Json.money(total.negate()));
            String itemId = String.valueOf(item.get("id").asInt());
            line.putArray("meta_data").addObject().put("id", store.nextMetaId()).put("key", "_refunded_item_id")
                    .put("value", itemId).put("display_key", "_refunded_item_id").put("display_value", itemId);
            line.set("sku", item.get("sku"));
            Orders.setPrice(line);
            line.set("parent_name", item.get("parent_name"));
            refundLines.add(line);
            if (restock && quantity > 0) {
                restock(store, order, item, quantity);
            }
        }
        ObjectNode links = refund.putObject("_links");
        links.set("self", Json.selfLink(store.api("/orders/" + orderId + "/refunds/" + id), "GET", "DELETE"));
        links.set("collection", Json.link(store.api("/orders/" + orderId + "/refunds")));
        links.set("up", Json.link(store.api("/orders/" + orderId)));
        store.refunds.put(id, new Store.Owned(orderId, refund));

        ObjectNode summary = Json.object().put("id", id).put("reason", reason).put("total", "-" + Json.money(amount));
        order.withArray("refunds").insert(0, summary);
        order.put("date_modified", now);
        order.put("date_modified_gmt", now);
        BigDecimal left = Json.decimal(order, "total").subtract(Orders.refunded(store, orderId));
        if (left.signum() <= 0 && !"refunded".equals(Json.text(order, "status"))) {
            Orders.changeStatus(store, order, "refunded");
        }
        return refund;
    }

    /** wc_restock_refunded_items: only what was taken from stock goes back; the item remembers it. */
    private static void restock(Store store, ObjectNode order, ObjectNode item, int quantity) {
        ObjectNode reduced = Orders.meta(item, "_reduced_stock");
        ObjectNode product = Orders.stockProduct(store, item);
        if (reduced == null || product == null) {
            return;
        }
        int taken = Integer.parseInt(Json.text(reduced, "value"));
        int back = Math.min(quantity, taken);
        Integer before = Catalog.adjustStock(store, product, back);
        if (before == null) {
            return;
        }
        reduced.put("value", String.valueOf(taken - back)).put("display_value", String.valueOf(taken - back));
        ObjectNode restocked = Orders.meta(item, "_restock_refunded_items");
        int already = restocked == null ? 0 : Integer.parseInt(Json.text(restocked, "value"));
        if (restocked == null) {
            restocked = item.withArray("meta_data").addObject().put("id", store.nextMetaId())
                    .put("key", "_restock_refunded_items").put("display_key", "_restock_refunded_items");
        }
        restocked.put("value", String.valueOf(already + back)).put("display_value", String.valueOf(already + back));
        store.addNote(order.get("id").asInt(), "Item #" + product.get("id").asInt() + " stock increased from " + before
                + " to " + (before + back) + ".", false, "WooCommerce");
    }

    private static ObjectNode orderItem(ObjectNode order, int itemId) {
        for (JsonNode item : order.path("line_items")) {
            if (item.path("id").asInt() == itemId) {
                return (ObjectNode) item;
            }
        }
        return null;
    }

    private RestResponse delete(RestRequest r) {
        if (!Boolean.TRUE.equals(r.bool("force"))) {
            throw WooErrors.trashNotSupported("Refunds do not support trashing.");
        }
        Store.Owned refund = find(r);
        int id = refund.json().get("id").asInt();
        store.refunds.remove(id);
        ObjectNode order = store.orders.get(refund.orderId());
        if (order != null) {
            ArrayNode summaries = order.withArray("refunds");
            for (int i = summaries.size() - 1; i >= 0; i--) {
                if (summaries.get(i).path("id").asInt() == id) {
                    summaries.remove(i);
                }
            }
        }
        return RestResponse.ok(refund.json());
    }
}
