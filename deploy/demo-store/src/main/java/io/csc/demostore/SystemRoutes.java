package io.csc.demostore;

/** The namespace index (GET /wp-json/wc/v3, public) and /system_status, both as recorded. */
final class SystemRoutes {

    private final Store store;

    SystemRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3").get(Access.PUBLIC, r -> RestResponse.ok(store.index()));
        api.route("/wc/v3/system_status").get(Access.LIST, r -> RestResponse.ok(store.systemStatus()));
    }
}
