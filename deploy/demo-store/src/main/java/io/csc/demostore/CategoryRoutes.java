package io.csc.demostore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** /products/categories: list, get, create, update, delete. Counts include products of subcategories. */
final class CategoryRoutes {

    private final Store store;

    CategoryRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/products/categories")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.integers("exclude"), Param.integers("include"), Param.order(),
                        Param.string("orderby").oneOf("id", "include", "name", "slug", "include_slugs", "term_group",
                                "description", "count"),
                        Param.bool("hide_empty"), Param.integer("parent"), Param.integer("product"),
                        Param.strings("slug"))
                .post(Access.CREATE, this::create, Param.string("name").required(), Param.string("slug"),
                        Param.integer("parent"), Param.string("description"),
                        Param.string("display").oneOf("default", "products", "subcategories", "both"),
                        Param.integer("menu_order"));
        api.route("/wc/v3/products/categories/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .edit(Access.EDIT, this::update, Param.string("name"), Param.string("slug"), Param.integer("parent"),
                        Param.string("description"),
                        Param.string("display").oneOf("default", "products", "subcategories", "both"),
                        Param.integer("menu_order"))
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private RestResponse list(RestRequest r) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode c : store.categories) {
            refreshCount(c);
            int id = c.get("id").asInt();
            if (r.has("include") && !r.ids("include").contains(id) || r.has("exclude") && r.ids("exclude").contains(id)
                    || r.has("parent") && c.path("parent").asInt() != r.integer("parent", -1)
                    || Boolean.TRUE.equals(r.bool("hide_empty")) && c.path("count").asInt() == 0
                    || r.has("slug") && !r.list("slug").contains(Json.text(c, "slug"))) {
                continue;
            }
            String search = r.string("search");
            if (search != null && !Json.text(c, "name").toLowerCase(Locale.ROOT)
                    .contains(search.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (r.has("product")) {
                ObjectNode product = store.products.get(r.integer("product", 0));
                Set<Integer> own = new HashSet<>();
                if (product != null) {
                    product.path("categories").forEach(pc -> own.add(pc.path("id").asInt()));
                }
                if (!own.contains(id)) {
                    continue;
                }
            }
            result.add(c);
        }
        String orderby = r.string("orderby", "name");
        Comparator<ObjectNode> order = switch (orderby) {
            case "id" -> Comparator.comparingInt(c -> c.get("id").asInt());
            case "slug" -> Comparator.comparing(c -> Json.text(c, "slug"));
            case "count" -> Comparator.comparingInt(c -> c.path("count").asInt());
            case "description" -> Comparator.comparing(c -> Json.text(c, "description"));
            case "include" -> {
                List<Integer> include = r.ids("include");
                yield Comparator.comparingInt(c -> include.indexOf(c.get("id").asInt()));
            }
            default -> Comparator.comparing(c -> Json.text(c, "name").toLowerCase(Locale.ROOT));
        };
        result.sort("desc".equals(r.string("order")) ? order.reversed() : order);
        return Paging.page(r, result, store.api("/products/categories"));
    }

    /** WooCommerce counts a category's products including those of its subcategories. */
    private void refreshCount(ObjectNode category) {
        Set<Integer> tree = new HashSet<>();
        tree.add(category.get("id").asInt());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectNode c : store.categories) {
                if (tree.contains(c.path("parent").asInt()) && tree.add(c.get("id").asInt())) {
                    grew = true;
                }
            }
        }
        int count = 0;
        for (ObjectNode p : store.products.values()) {
            if (!"publish".equals(Json.text(p, "status"))) {
                continue;
            }
            for (var pc : p.path("categories")) {
                if (tree.contains(pc.path("id").asInt())) {
                    count++;
                    break;
                }
            }
        }
        category.put("count", count);
    }

    private ObjectNode find(int id) {
        ObjectNode category = store.category(id);
        if (category == null) {
            throw WooErrors.error(404, "woocommerce_rest_term_invalid", "Resource does not exist.");
        }
        refreshCount(category);
        return category;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r.pathId("id")));
    }

    private RestResponse create(RestRequest r) {
        String name = r.string("name");
        String slug = Catalog.slug(r.string("slug", name));
        for (ObjectNode c : store.categories) {
            if (Json.text(c, "slug").equals(slug) && c.path("parent").asInt() == r.integer("parent", 0)) {
                ObjectNode body = Json.object().put("code", "term_exists")
                        .put("message", "A term with the name provided already exists with this parent.");
                body.putObject("data").put("status", 400).put("resource_id", c.get("id").asInt());
                throw new WooException(400, body, false);
            }
        }
        int id = store.nextTermId();
        ObjectNode category = store.template("category");
        category.put("id", id);
        category.put("name", name);
        category.put("slug", slug);
        apply(category, r);
        ObjectNode links = category.putObject("_links");
        links.set("self", Json.selfLink(store.api("/products/categories/" + id), "GET", "POST", "PUT", "PATCH",
                "DELETE"));
        links.set("collection", Json.link(store.api("/products/categories")));
        store.categories.add(category);
        return RestResponse.created(category, store.api("/products/categories/" + id));
    }

    private RestResponse update(RestRequest r) {
        ObjectNode category = find(r.pathId("id"));
        if (r.has("name")) {
            category.put("name", r.string("name"));
        }
        if (r.has("slug")) {
            category.put("slug", Catalog.slug(r.string("slug")));
        }
        apply(category, r);
        return RestResponse.ok(category);
    }

    private void apply(ObjectNode category, RestRequest r) {
        if (r.has("parent")) {
            category.put("parent", r.integer("parent", 0));
        }
        if (r.has("description")) {
            category.put("description", r.string("description"));
        }
        if (r.has("display")) {
            category.put("display", r.string("display"));
        }
        if (r.has("menu_order")) {
            category.put("menu_order", r.integer("menu_order", 0));
        }
    }

    private RestResponse delete(RestRequest r) {
        ObjectNode category = find(r.pathId("id"));
        if (!Boolean.TRUE.equals(r.bool("force"))) {
            throw WooErrors.trashNotSupported("Resource does not support trashing.");
        }
        store.categories.remove(category);
        for (ObjectNode p : store.products.values()) {
            var cats = p.withArray("categories");
            for (int i = cats.size() - 1; i >= 0; i--) {
                if (cats.get(i).path("id").asInt() == category.get("id").asInt()) {
                    cats.remove(i);
                }
            }
        }
        return RestResponse.ok(category);
    }
}
