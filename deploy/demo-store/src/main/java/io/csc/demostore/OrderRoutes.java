package io.csc.demostore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /orders: list with filters, get, create, update (status changes included), delete, batch. */
final class OrderRoutes {

    private static final String[] LIST_STATUSES = {"any", "trash", "auto-draft", "pending", "processing", "on-hold",
            "completed", "cancelled", "refunded", "failed", "checkout-draft"};
    private static final List<String> ADDRESS_FIELDS = List.of("first_name", "last_name", "company", "address_1",
            "address_2", "city", "state", "postcode", "country", "email", "phone");

    private final Store store;

    OrderRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/orders")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.string("after").dateTime(), Param.string("before").dateTime(),
                        Param.string("modified_after").dateTime(), Param.string("modified_before").dateTime(),
                        Param.integers("exclude"), Param.integers("include"), Param.integer("offset"), Param.order(),
                        Param.string("orderby").oneOf("date", "id", "include", "title", "slug", "modified"),
                        Param.integers("parent"), Param.integers("parent_exclude"),
                        Param.strings("status").oneOf(LIST_STATUSES), Param.integer("customer"),
                        Param.integer("product"), Param.integer("dp"))
                .post(Access.CREATE, this::create, writeParams());
        api.route("/wc/v3/orders/batch").edit(Access.BATCH, this::batch, Param.array("create"), Param.array("update"),
                Param.array("delete"));
        api.route("/wc/v3/orders/(?P<id>[\\d]+)").get(Access.VIEW, this::get, Param.integer("dp"))
                .edit(Access.EDIT, this::update, writeParams())
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private static Param[] writeParams() {
        return new Param[]{Param.integer("parent_id"), Param.string("status").oneOf(Orders.STATUSES.toArray(String[]::new)),
                Param.string("currency"), Param.integer("customer_id"), Param.string("customer_note"),
                Param.object("billing").withEmail(), Param.object("shipping"), Param.string("payment_method"),
                Param.string("payment_method_title"), Param.string("transaction_id"), Param.array("meta_data"),
                Param.array("line_items"), Param.array("shipping_lines"), Param.array("fee_lines"),
                Param.array("coupon_lines"), Param.bool("set_paid")};
    }

    private RestResponse list(RestRequest r) {
        List<String> statuses = r.has("status") ? r.list("status") : List.of("any");
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode order : store.orders.values()) {
            String status = Json.text(order, "status");
            boolean statusOk = statuses.contains(status)
                    || statuses.contains("any") && !List.of("trash", "auto-draft", "checkout-draft").contains(status);
            int id = order.get("id").asInt();
            if (!statusOk || r.has("customer") && order.path("customer_id").asInt() != r.integer("customer", -1)
                    || r.has("product") && !containsProduct(order, r.integer("product", 0))
                    || r.has("include") && !r.ids("include").contains(id)
                    || r.has("exclude") && r.ids("exclude").contains(id)
                    || r.has("parent") && !r.ids("parent").contains(order.path("parent_id").asInt())
                    || r.has("parent_exclude") && r.ids("parent_exclude").contains(order.path("parent_id").asInt())
                    || !ProductRoutes.within(r.string("after"), r.string("before"), Json.text(order, "date_created_gmt"))
                    || !ProductRoutes.within(r.string("modified_after"), r.string("modified_before"),
                            Json.text(order, "date_modified_gmt"))) {
                continue;
            }
            String search = r.string("search");
            if (search != null && !search.isBlank() && !searchMatches(order, search)) {
                continue;
            }
            result.add(order);
        }
        result.sort(order(r));
        // WooCommerce adds the sanitized status list, dp and context to the request before building the links.
        Map<String, Object> extras = new LinkedHashMap<>();
        Map<String, Object> statusArray = new LinkedHashMap<>();
        for (int i = 0; i < statuses.size(); i++) {
            statusArray.put(String.valueOf(i), statuses.get(i));
        }
        extras.put("status", statusArray);
        extras.put("dp", String.valueOf(r.integer("dp", 2)));
        extras.put("context", r.string("context", "view"));
        return Paging.page(r, result, store.api("/orders"), extras);
    }

    private static boolean containsProduct(ObjectNode order, int productId) {
        for (JsonNode item : order.path("line_items")) {
            if (item.path("product_id").asInt() == productId || item.path("variation_id").asInt() == productId) {
                return true;
            }
        }
        return false;
    }

    /** HPOS "all" search: order number, billing and shipping names, addresses, email and phone, item names. */
    private static boolean searchMatches(ObjectNode order, String search) {
        String term = search.trim().toLowerCase(Locale.ROOT);
        if (Json.text(order, "number").equals(term) || Json.text(order, "id").equals(term)) {
            return true;
        }
        StringBuilder haystack = new StringBuilder();
        for (String kind : List.of("billing", "shipping")) {
            JsonNode address = order.path(kind);
            for (String field : ADDRESS_FIELDS) {
                haystack.append(Json.text(address, field)).append('\n');
            }
            haystack.append(Json.text(address, "first_name")).append(' ').append(Json.text(address, "last_name"))
                    .append('\n');
        }
        order.path("line_items").forEach(i -> haystack.append(Json.text(i, "name")).append('\n'));
        return haystack.toString().toLowerCase(Locale.ROOT).contains(term);
    }

    private static Comparator<ObjectNode> order(RestRequest r) {
        String orderby = r.string("orderby", "date");
        Comparator<ObjectNode> byId = Comparator.comparingInt(o -> o.get("id").asInt());
        if (orderby.equals("include")) {
            List<Integer> include = r.ids("include");
            return Comparator.comparingInt(o -> include.indexOf(o.get("id").asInt()));
        }
        Comparator<ObjectNode> key = switch (orderby) {
            case "id", "title", "slug" -> byId;
            case "modified" -> Comparator.comparing((ObjectNode o) -> Json.text(o, "date_modified_gmt"))
                    .thenComparing(byId);
            default -> Comparator.comparing((ObjectNode o) -> Json.text(o, "date_created_gmt")).thenComparing(byId);
        };
        return "asc".equals(r.string("order")) ? key : key.reversed();
    }

    private ObjectNode find(int id, int missingStatus) {
        ObjectNode order = store.orders.get(id);
        if (order == null) {
            throw WooErrors.invalidId("shop_order", missingStatus);
        }
        return order;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r.pathId("id"), 404));
    }

    private RestResponse create(RestRequest r) {
        ObjectNode order = createOrder(r.body);
        return RestResponse.created(order, store.api("/orders/" + order.get("id").asInt()));
    }

    ObjectNode createOrder(ObjectNode body) {
        ObjectNode order = store.template("order");
        checkCustomer(body);
        // Items first: a bad product reference must fail before an id is taken.
        ArrayNode items = order.putArray("line_items");
        for (JsonNode posted : Json.objects(body.get("line_items"))) {
            items.add(Orders.lineItem(store, posted));
        }
        ArrayNode shipping = order.putArray("shipping_lines");
        for (JsonNode posted : Json.objects(body.get("shipping_lines"))) {
            shipping.add(Orders.shippingLine(store, posted));
        }
        ArrayNode fees = order.putArray("fee_lines");
        for (JsonNode posted : Json.objects(body.get("fee_lines"))) {
            fees.add(Orders.feeLine(store, posted));
        }
        if (body.get("coupon_lines") instanceof ArrayNode coupons && !coupons.isEmpty()) {
            Orders.applyCoupons(store, order, Json.objects(coupons).stream().map(c -> (JsonNode) c).toList());
        }
        int id = store.nextPostId();
        String now = store.now();
        String key = "wc_order_" + store.randomAlnum(13);
        order.put("id", id);
        order.put("number", String.valueOf(id));
        order.put("order_key", key);
        order.put("date_created", now);
        order.put("date_created_gmt", now);
        order.put("date_modified", now);
        order.put("date_modified_gmt", now);
        order.put("created_via", "rest-api");
        order.put("payment_url",
                store.siteUrl() + "/checkout/order-pay/" + id + "/?pay_for_order=true&key=" + key);
        applyFields(order, body);
        Orders.recalculate(order);
        links(order);
        store.orders.put(id, order);
        String status = body.hasNonNull("status") ? body.get("status").asText() : "pending";
        if (Boolean.TRUE.equals(bool(body, "set_paid"))) {
            // payment_complete(): processing (the store sells only shippable goods), paid now.
            status = body.hasNonNull("status") ? status : "processing";
            order.put("date_paid", now);
            order.put("date_paid_gmt", now);
            if (body.hasNonNull("transaction_id")) {
                order.put("transaction_id", body.get("transaction_id").asText());
            }
        }
        Orders.onCreated(store, order, status);
        return order;
    }

    private void checkCustomer(ObjectNode body) {
        if (body.hasNonNull("customer_id") && body.get("customer_id").asInt() != 0
                && !store.customers.containsKey(body.get("customer_id").asInt())) {
            throw WooErrors.error(400, "woocommerce_rest_invalid_customer_id", "Customer ID is invalid.");
        }
    }

    private void applyFields(ObjectNode order, ObjectNode body) {
        for (String field : List.of("parent_id", "customer_id")) {
            if (body.hasNonNull(field)) {
                order.put(field, body.get(field).asInt());
            }
        }
        for (String field : List.of("currency", "customer_note", "payment_method", "payment_method_title",
                "transaction_id")) {
            if (body.hasNonNull(field)) {
                order.put(field, body.get(field).asText());
            }
        }
        for (String kind : List.of("billing", "shipping")) {
            if (body.get(kind) instanceof ObjectNode posted && order.get(kind) instanceof ObjectNode address) {
                posted.properties().forEach(e -> {
                    if (address.has(e.getKey())) {
                        address.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
                    }
                });
            }
        }
        if (body.get("meta_data") instanceof ArrayNode meta) {
            ArrayNode own = order.withArray("meta_data");
            for (JsonNode m : meta) {
                if (m.hasNonNull("key")) {
                    own.addObject().put("id", store.nextMetaId()).put("key", m.get("key").asText()).set("value",
                            m.get("value"));
                }
            }
        }
    }

    private void links(ObjectNode order) {
        int id = order.get("id").asInt();
        ObjectNode links = order.putObject("_links");
        links.set("self", Json.selfLink(store.api("/orders/" + id), "GET", "POST", "PUT", "PATCH", "DELETE"));
        links.set("collection", Json.link(store.api("/orders")));
        ArrayNode templates = Json.array();
        templates.addObject().put("embeddable", true).put("href", store.api("/orders/" + id + "/actions/email_templates"));
        links.set("email_templates", templates);
        int customer = order.path("customer_id").asInt();
        if (customer != 0) {
            links.set("customer", Json.link(store.api("/customers/" + customer)));
        }
        int parent = order.path("parent_id").asInt();
        if (parent != 0) {
            links.set("up", Json.link(store.api("/orders/" + parent)));
        }
    }

    private RestResponse update(RestRequest r) {
        return RestResponse.ok(updateOrder(r.pathId("id"), r.body));
    }

    ObjectNode updateOrder(int id, ObjectNode body) {
        ObjectNode current = find(id, 400);
        checkCustomer(body);
        ObjectNode order = current.deepCopy();
        applyFields(order, body);
        boolean itemsChanged = false;
        if (body.get("line_items") instanceof ArrayNode items) {
            updateLineItems(order, items);
            itemsChanged = true;
        }
        if (body.get("shipping_lines") instanceof ArrayNode lines) {
            updateLines(order, "shipping_lines", lines, posted -> Orders.shippingLine(store, posted));
            itemsChanged = true;
        }
        if (body.get("fee_lines") instanceof ArrayNode lines) {
            updateLines(order, "fee_lines", lines, posted -> Orders.feeLine(store, posted));
            itemsChanged = true;
        }
        if (body.get("coupon_lines") instanceof ArrayNode coupons && !coupons.isEmpty()) {
            Orders.applyCoupons(store, order, Json.objects(coupons).stream().map(c -> (JsonNode) c).toList());
            itemsChanged = true;
        }
        if (itemsChanged || body.has("billing") || body.has("shipping")) {
            Orders.recalculate(order);
        }
        String now = store.now();
        order.put("date_modified", now);
        order.put("date_modified_gmt", now);
        links(order);
        store.orders.put(id, order);
        if (body.hasNonNull("status")) {
            Orders.changeStatus(store, order, body.get("status").asText());
        }
        if (Boolean.TRUE.equals(bool(body, "set_paid")) && order.path("needs_payment").asBoolean()) {
            order.put("date_paid", now);
            order.put("date_paid_gmt", now);
            Orders.changeStatus(store, order, "processing");
        }
        Orders.refreshFlags(order);
        return order;
    }

    /** Posted items with an id update that item (quantity 0 removes it); without an id they are added. */
    private void updateLineItems(ObjectNode order, ArrayNode posted) {
        ArrayNode items = order.withArray("line_items");
        for (JsonNode p : posted) {
            int itemId = p.path("id").asInt();
            int index = indexOf(items, itemId);
            if (index >= 0) {
                if (p.has("quantity") && p.get("quantity").asInt() == 0) {
                    items.remove(index);
                    continue;
                }
                ObjectNode item = (ObjectNode) items.get(index);
                if (p.has("quantity")) {
                    int quantity = p.get("quantity").asInt();
                    java.math.BigDecimal unit = Json.decimal(item, "subtotal")
                            .divide(java.math.BigDecimal.valueOf(Math.max(1, item.path("quantity").asInt())), 6,
                                    java.math.RoundingMode.HALF_UP);
                    item.put("quantity", quantity);
                    item.put("subtotal", Json.money(unit.multiply(java.math.BigDecimal.valueOf(quantity))));
                    item.put("total", item.get("subtotal").asText());
                }
                for (String field : List.of("subtotal", "total")) {
                    if (p.hasNonNull(field)) {
                        item.put(field, Json.money(Json.decimal(p, field)));
                    }
                }
                if (p.hasNonNull("name")) {
                    item.put("name", p.get("name").asText());
                }
                Orders.setPrice(item);
            } else if (!(p.has("quantity") && p.get("quantity").asInt() == 0)) {
                items.add(Orders.lineItem(store, p));
            }
        }
    }

    private static void updateLines(ObjectNode order, String field, ArrayNode posted,
            java.util.function.Function<JsonNode, ObjectNode> create) {
        ArrayNode lines = order.withArray(field);
        for (JsonNode p : posted) {
            int index = indexOf(lines, p.path("id").asInt());
            if (index < 0) {
                lines.add(create.apply(p));
            } else if (p.has("method_id") && p.get("method_id").isNull() || p.has("name") && p.get("name").isNull()) {
                lines.remove(index);
            } else {
                ObjectNode line = (ObjectNode) lines.get(index);
                p.properties().forEach(e -> {
                    if (!e.getKey().equals("id") && line.has(e.getKey())) {
                        line.put(e.getKey(), e.getKey().equals("total")
                                ? Json.money(Json.decimal(e.getValue()))
                                : e.getValue().asText());
                    }
                });
            }
        }
    }

    private static int indexOf(ArrayNode items, int id) {
        if (id == 0) {
            return -1;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).path("id").asInt() == id) {
                return i;
            }
        }
        return -1;
    }

    private RestResponse delete(RestRequest r) {
        return RestResponse.ok(deleteOrder(r.pathId("id"), Boolean.TRUE.equals(r.bool("force"))));
    }

    ObjectNode deleteOrder(int id, boolean force) {
        ObjectNode order = find(id, 404);
        if (force) {
            store.orders.remove(id);
            store.notesOf(id).forEach(n -> store.notes.remove(n.json().get("id").asInt()));
            store.refundsOf(id).forEach(rf -> store.refunds.remove(rf.json().get("id").asInt()));
            return order;
        }
        if ("trash".equals(Json.text(order, "status"))) {
            throw WooErrors.alreadyTrashed("shop_order");
        }
        order.put("status", "trash");
        String now = store.now();
        order.put("date_modified", now);
        order.put("date_modified_gmt", now);
        Orders.refreshFlags(order);
        return order;
    }

    private RestResponse batch(RestRequest r) {
        return Batch.run(r.body, this::createOrder, this::updateOrder, id -> deleteOrder(id, true));
    }

    private static Boolean bool(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isBoolean() ? value.booleanValue() : Params.isBoolean(value) && value.asText().matches("(?i)true|1");
    }
}
