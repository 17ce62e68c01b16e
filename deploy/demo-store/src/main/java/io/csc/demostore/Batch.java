package io.csc.demostore;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * WooCommerce's {@code POST .../batch}: creates, updates and deletes in one call, at most {@link #LIMIT} items in all
 * (413 beyond), each item succeeding or failing on its own (a failed item becomes {@code {id, error}}).
 */
final class Batch {
    static final int LIMIT = 100;

    interface Create {
        JsonNode apply(ObjectNode body);
    }

    interface Update {
        JsonNode apply(int id, ObjectNode body);
    }

    interface Delete {
        JsonNode apply(int id);
    }

    private Batch() {
    }

    static RestResponse run(ObjectNode body, Create create, Update update, Delete delete) {
        List<ObjectNode> creates = Json.objects(body.get("create"));
        List<ObjectNode> updates = Json.objects(body.get("update"));
        List<String> deletes = Params.listValues(body.get("delete"));
        if (creates.size() + updates.size() + deletes.size() > LIMIT) {
            throw WooErrors.error(413, "woocommerce_rest_request_entity_too_large",
                    "Unable to accept more than " + LIMIT + " items for this request.");
        }
        ObjectNode result = Json.object();
        if (body.has("create")) {
            ArrayNode out = result.putArray("create");
            for (ObjectNode item : creates) {
                try {
                    out.add(create.apply(item));
                } catch (WooException e) {
                    out.add(itemError(0, e));
                }
            }
        }
        if (body.has("update")) {
            ArrayNode out = result.putArray("update");
            for (ObjectNode item : updates) {
                int id = item.path("id").asInt();
                try {
                    out.add(update.apply(id, item));
                } catch (WooException e) {
                    out.add(itemError(id, e));
                }
            }
        }
        if (body.has("delete")) {
            ArrayNode out = result.putArray("delete");
            for (String idText : deletes) {
                int id = (int) Json.decimal(Json.NODES.textNode(idText)).longValue();
                try {
                    out.add(delete.apply(id));
                } catch (WooException e) {
                    out.add(itemError(id, e));
                }
            }
        }
        return RestResponse.ok(result);
    }

    static ObjectNode itemError(int id, WooException e) {
        ObjectNode error = Json.object().put("id", id);
        ObjectNode details = error.putObject("error");
        details.set("code", e.body.get("code"));
        details.set("message", e.body.get("message"));
        details.set("data", e.body.get("data"));
        return error;
    }
}
