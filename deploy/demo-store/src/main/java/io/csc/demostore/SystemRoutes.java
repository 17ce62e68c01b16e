package io.csc.demostore;

/**
 * The site index (GET /wp-json/, public: WordPress's site facts, time zone included), the namespace index
 * (GET /wp-json/wc/v3, public) and /system_status, the last two as recorded.
 */
final class SystemRoutes {

    private final Store store;

    SystemRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/").get(Access.PUBLIC, this::siteIndex);
        api.route("/wc/v3").get(Access.PUBLIC, r -> RestResponse.ok(store.index()));
        api.route("/wc/v3/system_status").get(Access.LIST, r -> RestResponse.ok(store.systemStatus()));
    }

    /**
     * WP_REST_Server::get_index, without its long {@code routes} map: {@code timezone_string} is the site's zone id
     * (empty when WordPress runs on a fixed offset) and {@code gmt_offset} its current offset in hours. Clients learn
     * the store's time zone here, since no WooCommerce route tells it. {@code _fields} trims the answer.
     */
    private RestResponse siteIndex(RestRequest r) {
        java.time.ZoneId zone = store.zone();
        double offsetHours = zone.getRules().getOffset(store.clock().instant()).getTotalSeconds() / 3600.0;
        com.fasterxml.jackson.databind.node.ObjectNode index = Json.object().put("name", "Demo Store")
                .put("description", "A WooCommerce-compatible demo shop").put("url", store.siteUrl())
                .put("home", store.siteUrl());
        if (offsetHours == Math.rint(offsetHours)) {
            index.put("gmt_offset", (long) offsetHours);
        } else {
            index.put("gmt_offset", offsetHours);
        }
        index.put("timezone_string", zone instanceof java.time.ZoneOffset ? "" : zone.getId())
                .put("page_for_posts", 0).put("page_on_front", 0).put("show_on_front", "posts");
        index.putArray("namespaces").add("wc/v3");
        index.putObject("authentication");
        index.putObject("routes");
        String fields = r.string("_fields");
        if (fields != null && !fields.isBlank()) {
            java.util.Set<String> keep = new java.util.HashSet<>(java.util.Arrays.asList(fields.split("\\s*,\\s*")));
            index.retain(keep);
        }
        return RestResponse.ok(index);
    }
}
