package io.csc.demostore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /products/{product_id}/variations: list, get, create, update, delete. */
final class VariationRoutes {

    private final Store store;

    VariationRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/products/(?P<product_id>[\\d]+)/variations")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.integers("exclude"), Param.integers("include"), Param.integer("offset"), Param.order(),
                        Param.string("orderby").oneOf("date", "modified", "id", "include", "title", "slug",
                                "menu_order"),
                        Param.string("sku"), Param.string("status").oneOf("any", "draft", "pending", "private",
                                "publish"),
                        Param.string("stock_status").oneOf("instock", "outofstock", "onbackorder"),
                        Param.bool("on_sale"))
                .post(Access.CREATE, this::create, variationParams());
        api.route("/wc/v3/products/(?P<product_id>[\\d]+)/variations/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .edit(Access.EDIT, this::update, variationParams())
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private static Param[] variationParams() {
        return new Param[]{Param.string("description"), Param.string("sku"), Param.string("regular_price"),
                Param.string("sale_price"), Param.string("date_on_sale_from").dateTime(),
                Param.string("date_on_sale_to").dateTime(),
                Param.string("status").oneOf("draft", "pending", "private", "publish"), Param.bool("virtual"),
                Param.bool("downloadable"), Param.string("tax_status").oneOf("taxable", "shipping", "none"),
                Param.string("tax_class"), Param.bool("manage_stock"), Param.integer("stock_quantity"),
                Param.string("stock_status").oneOf("instock", "outofstock", "onbackorder"),
                Param.string("backorders").oneOf("no", "notify", "yes"), Param.integer("low_stock_amount"),
                Param.string("weight"), Param.object("dimensions"), Param.array("attributes"),
                Param.integer("menu_order"), Param.array("meta_data")};
    }

    private RestResponse list(RestRequest r) {
        int parentId = r.pathId("product_id");
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode v : store.variationsOf(parentId)) {
            int id = v.get("id").asInt();
            String status = r.string("status", "any");
            boolean wrongStatus = status.equals("any")
                    ? "trash".equals(Json.text(v, "status"))
                    : !status.equals(Json.text(v, "status"));
            if (wrongStatus || r.has("include") && !r.ids("include").contains(id)
                    || r.has("exclude") && r.ids("exclude").contains(id)
                    || r.has("sku") && !r.list("sku").contains(Json.text(v, "sku"))
                    || r.has("stock_status") && !r.string("stock_status").equals(Json.text(v, "stock_status"))
                    || r.has("on_sale") && r.bool("on_sale") != v.path("on_sale").asBoolean()) {
                continue;
            }
            String search = r.string("search");
            if (search != null && !search.isBlank() && !ProductRoutes.searchMatches(search, v)) {
                continue;
            }
            result.add(v);
        }
        String orderby = r.string("orderby", "date");
        Comparator<ObjectNode> byId = Comparator.comparingInt(v -> v.get("id").asInt());
        Comparator<ObjectNode> order = switch (orderby) {
            case "id" -> byId;
            case "menu_order" -> Comparator.comparingInt((ObjectNode v) -> v.path("menu_order").asInt())
                    .thenComparing(byId);
            case "title", "slug" -> Comparator.comparing((ObjectNode v) -> Json.text(v, "name")).thenComparing(byId);
            case "modified" -> Comparator.comparing((ObjectNode v) -> Json.text(v, "date_modified_gmt"))
                    .thenComparing(byId);
            default -> Comparator.comparing((ObjectNode v) -> Json.text(v, "date_created_gmt")).thenComparing(byId);
        };
        result.sort("asc".equals(r.string("order")) ? order : order.reversed());
        return Paging.page(r, result, store.api("/products/" + parentId + "/variations"));
    }

    private ObjectNode find(RestRequest r, int missingStatus) {
        ObjectNode v = store.variations.get(r.pathId("id"));
        if (v == null || v.get("parent_id").asInt() != r.pathId("product_id")) {
            throw WooErrors.invalidId("product_variation", missingStatus).withoutAllow();
        }
        return v;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r, 404));
    }

    private RestResponse create(RestRequest r) {
        int parentId = r.pathId("product_id");
        ObjectNode parent = store.products.get(parentId);
        if (parent == null) {
            throw WooErrors.invalidId("product", 404);
        }
        ObjectNode v = store.template("variation");
        ProductFields.apply(store, v, r.body, true);
        int id = store.nextPostId();
        String now = store.now();
        v.put("id", id);
        v.put("parent_id", parentId);
        v.put("date_created", now);
        v.put("date_created_gmt", now);
        v.put("date_modified", now);
        v.put("date_modified_gmt", now);
        describe(parent, v);
        Catalog.refresh(store, v);
        ObjectNode links = v.putObject("_links");
        links.set("self", Json.selfLink(store.api("/products/" + parentId + "/variations/" + id), "GET", "POST", "PUT",
                "PATCH", "DELETE"));
        links.set("collection", Json.link(store.api("/products/" + parentId + "/variations")));
        links.set("up", Json.link(store.api("/products/" + parentId)));
        store.variations.put(id, v);
        touchParent(parent);
        return RestResponse.created(v, store.api("/products/" + parentId + "/variations/" + id));
    }

    /** Name "Blue, M" and permalink "?attribute_pa_color=blue&..." come from the attributes. */
    private void describe(ObjectNode parent, ObjectNode v) {
        List<String> options = new ArrayList<>();
        StringBuilder query = new StringBuilder();
        for (JsonNode a : v.path("attributes")) {
            options.add(Json.text(a, "option"));
            query.append(query.length() == 0 ? "?" : "&").append("attribute_").append(Json.text(a, "slug")).append('=')
                    .append(Catalog.slug(Json.text(a, "option")));
        }
        v.put("name", String.join(", ", options));
        v.put("permalink", Json.text(parent, "permalink") + query);
    }

    private void touchParent(ObjectNode parent) {
        Catalog.refreshVariable(store, parent);
        String now = store.now();
        parent.put("date_modified", now);
        parent.put("date_modified_gmt", now);
    }

    private RestResponse update(RestRequest r) {
        ObjectNode v = find(r, 400);
        ObjectNode updated = v.deepCopy();
        ProductFields.apply(store, updated, r.body, true);
        String now = store.now();
        updated.put("date_modified", now);
        updated.put("date_modified_gmt", now);
        ObjectNode parent = store.products.get(updated.get("parent_id").asInt());
        if (r.body.has("attributes") && parent != null) {
            describe(parent, updated);
        }
        Catalog.refresh(store, updated);
        store.variations.put(updated.get("id").asInt(), updated);
        if (parent != null) {
            touchParent(parent);
        }
        return RestResponse.ok(updated);
    }

    private RestResponse delete(RestRequest r) {
        ObjectNode v = find(r, 404);
        boolean force = Boolean.TRUE.equals(r.bool("force"));
        if (force) {
            store.variations.remove(v.get("id").asInt());
        } else if ("trash".equals(Json.text(v, "status"))) {
            throw WooErrors.alreadyTrashed("product_variation");
        } else {
            v.put("status", "trash");
        }
        ObjectNode parent = store.products.get(v.get("parent_id").asInt());
        if (parent != null) {
            touchParent(parent);
        }
        return RestResponse.ok(v);
    }
}
