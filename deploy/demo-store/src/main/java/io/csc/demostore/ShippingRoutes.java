package io.csc.demostore;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

/**
 * The store's shipping zones (with their locations and methods) and payment gateways, read-only, as the 2026-11-25
 * recordings show them: zones "North America" (US, CA, MX: flat rate "Standard" 5.95 and free shipping from 50) and
 * "Europe" (DE, FR, GB: flat rate "International" 14.95) besides zone 0; gateways bacs and cod enabled, cheque not.
 * These lists are never paginated but carry X-WP-Total / X-WP-TotalPages.
 */
final class ShippingRoutes {

    private final Store store;

    ShippingRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/shipping/zones").get(Access.LIST, r -> all(store.shipping().get("zones")));
        api.route("/wc/v3/shipping/zones/(?P<id>[\\d]+)").get(Access.VIEW, r -> RestResponse.ok(zone(r.pathId("id"))));
        api.route("/wc/v3/shipping/zones/(?P<id>[\\d]+)/locations").get(Access.LIST,
                r -> all(zoneList("locations", r.pathId("id"))));
        api.route("/wc/v3/shipping/zones/(?P<id>[\\d]+)/methods").get(Access.LIST,
                r -> all(zoneList("methods", r.pathId("id"))));
        api.route("/wc/v3/payment_gateways").get(Access.LIST, r -> all(store.shipping().get("payment_gateways")));
        api.route("/wc/v3/payment_gateways/(?P<id>[\\w-]+)").get(Access.VIEW, r -> {
            String id = r.pathParams.get("id");
            for (JsonNode gateway : store.shipping().get("payment_gateways")) {
                if (gateway.get("id").asText().equals(id)) {
                    return RestResponse.ok(gateway);
                }
            }
            throw WooErrors.error(404, "woocommerce_rest_payment_gateway_invalid", "Resource does not exist.");
        });
    }

    private JsonNode zone(int id) {
        for (JsonNode zone : store.shipping().get("zones")) {
            if (zone.get("id").asInt() == id) {
                return zone;
            }
        }
        throw WooErrors.error(404, "woocommerce_rest_shipping_zone_invalid", "Invalid resource ID.");
    }

    private JsonNode zoneList(String kind, int id) {
        zone(id);
        return store.shipping().get(kind).get(String.valueOf(id));
    }

    private static RestResponse all(JsonNode list) {
        ArrayNode items = Json.array();
        List.copyOf(Json.objects(list)).forEach(items::add);
        return RestResponse.ok(items).header("X-WP-Total", String.valueOf(items.size())).header("X-WP-TotalPages", "1");
    }
}
