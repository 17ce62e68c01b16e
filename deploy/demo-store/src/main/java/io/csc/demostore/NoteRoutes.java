package io.csc.demostore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /orders/{order_id}/notes: list (not paginated), get, create, delete. */
final class NoteRoutes {

    private final Store store;

    NoteRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/orders/(?P<order_id>[\\d]+)/notes")
                .get(Access.LIST, this::list, Param.string("type").oneOf("any", "customer", "internal"))
                .post(Access.CREATE, this::create, Param.string("note").required(), Param.bool("customer_note"),
                        Param.bool("added_by_user"));
        api.route("/wc/v3/orders/(?P<order_id>[\\d]+)/notes/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private void requireOrder(RestRequest r) {
        if (!store.orders.containsKey(r.pathId("order_id"))) {
            throw WooErrors.error(404, "woocommerce_rest_order_invalid_id", "Invalid order ID.");
        }
    }

    /** Newest first; notes written in the same second keep their creation order, as recorded. */
    private RestResponse list(RestRequest r) {
        requireOrder(r);
        String type = r.string("type", "any");
        List<ObjectNode> notes = new ArrayList<>();
        for (Store.Owned n : store.notesOf(r.pathId("order_id"))) {
            boolean customer = n.json().path("customer_note").asBoolean();
            if (type.equals("any") || type.equals("customer") == customer) {
                notes.add(n.json());
            }
        }
        notes.sort(Comparator.comparing((ObjectNode n) -> Json.text(n, "date_created_gmt")).reversed()
                .thenComparingInt(n -> n.get("id").asInt()));
        ArrayNode body = Json.array();
        notes.forEach(body::add);
        return RestResponse.ok(body);
    }

    private Store.Owned find(RestRequest r) {
        requireOrder(r);
        Store.Owned note = store.notes.get(r.pathId("id"));
        if (note == null || note.orderId() != r.pathId("order_id")) {
            throw WooErrors.error(404, "woocommerce_rest_invalid_id", "Invalid resource ID.");
        }
        return note;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r).json());
    }

    private RestResponse create(RestRequest r) {
        int orderId = r.pathId("order_id");
        requireOrder(r);
        String author = Boolean.TRUE.equals(r.bool("added_by_user")) ? "admin" : "WooCommerce";
        ObjectNode note = store.addNote(orderId, r.string("note"), Boolean.TRUE.equals(r.bool("customer_note")), author);
        return RestResponse.created(note, store.api("/orders/" + orderId + "/notes/" + note.get("id").asInt()));
    }

    private RestResponse delete(RestRequest r) {
        if (!Boolean.TRUE.equals(r.bool("force"))) {
            // WooCommerce's order notes controller really says "Webhooks" here.
            throw WooErrors.trashNotSupported("Webhooks do not support trashing.");
        }
        Store.Owned note = find(r);
        store.notes.remove(note.json().get("id").asInt());
        return RestResponse.ok(note.json());
    }
}
