package io.csc.demostore;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /products: list with WooCommerce's filters, get, create, update, delete and batch. */
final class ProductRoutes {

    private final Store store;

    ProductRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/products")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.string("after").dateTime(), Param.string("before").dateTime(),
                        Param.string("modified_after").dateTime(), Param.string("modified_before").dateTime(),
                        Param.integers("exclude"), Param.integers("include"), Param.integer("offset"), Param.order(),
                        Param.string("orderby").oneOf("date", "modified", "id", "include", "title", "slug", "price",
                                "popularity", "rating", "menu_order"),
                        Param.integers("parent"), Param.integers("parent_exclude"), Param.string("slug"),
                        Param.string("status").oneOf("any", "future", "trash", "draft", "pending", "private",
                                "publish"),
                        Param.string("type").oneOf("simple", "grouped", "external", "variable"), Param.string("sku"),
                        Param.bool("featured"), Param.string("category"), Param.string("tag"), Param.bool("on_sale"),
                        Param.string("min_price"), Param.string("max_price"),
                        Param.string("stock_status").oneOf("instock", "outofstock", "onbackorder"))
                .post(Access.CREATE, this::create, ProductFields.productParams());
        api.route("/wc/v3/products/batch").edit(Access.BATCH, this::batch, Param.array("create"),
                Param.array("update"), Param.array("delete"));
        api.route("/wc/v3/products/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .edit(Access.EDIT, this::update, ProductFields.productParams())
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private RestResponse list(RestRequest r) {
        List<ObjectNode> candidates = new ArrayList<>(store.products.values());
        String sku = r.string("sku");
        if (sku != null && !sku.isEmpty()) {
            // WooCommerce searches variations too when filtering by SKU.
            for (ObjectNode v : store.variations.values()) {
                candidates.add(Catalog.variationAsProduct(store, v));
            }
        }
        List<ObjectNode> matches = new ArrayList<>();
        for (ObjectNode p : candidates) {
            if (matches(r, p)) {
                matches.add(p);
            }
        }
        matches.sort(order(r));
        List<ObjectNode> views = new ArrayList<>();
        matches.forEach(p -> views.add("variation".equals(Json.text(p, "type")) ? p : Catalog.view(p)));
        return Paging.page(r, views, store.api("/products"));
    }

    private boolean matches(RestRequest r, ObjectNode p) {
        String status = r.string("status", "any");
        String own = Json.text(p, "status");
        if (status.equals("any") ? own.equals("trash") : !own.equals(status)) {
            return false;
        }
        if (r.has("type") && !r.string("type").equals(Json.text(p, "type"))) {
            return false;
        }
        String sku = r.string("sku");
        if (sku != null && !sku.isEmpty()) {
            // MySQL compares SKUs case-insensitively; a comma list matches any of its SKUs (or the whole string).
            Set<String> skus = new HashSet<>();
            for (String one : sku.split(",")) {
                skus.add(one.trim().toLowerCase(Locale.ROOT));
            }
            skus.add(sku.toLowerCase(Locale.ROOT));
            if (!skus.contains(Json.text(p, "sku").toLowerCase(Locale.ROOT))) {
                return false;
            }
        }
        int id = p.get("id").asInt();
        if (r.has("include") && !r.ids("include").contains(id)) {
            return false;
        }
        if (r.has("exclude") && r.ids("exclude").contains(id)) {
            return false;
        }
        if (r.has("parent") && !r.ids("parent").contains(p.path("parent_id").asInt())) {
            return false;
        }
        if (r.has("parent_exclude") && r.ids("parent_exclude").contains(p.path("parent_id").asInt())) {
            return false;
        }
        if (r.has("slug") && !r.list("slug").contains(Json.text(p, "slug"))) {
            return false;
        }
        if (r.has("featured") && r.bool("featured") != p.path("featured").asBoolean()) {
            return false;
        }
        if (r.has("on_sale") && r.bool("on_sale") != p.path("on_sale").asBoolean()) {
            return false;
        }
        if (r.has("stock_status") && !r.string("stock_status").equals(Json.text(p, "stock_status"))) {
            return false;
        }
        if (r.has("category") && !inTerms(p.get("categories"), categoryTree(r.ids("category")))) {
            return false;
        }
        if (r.has("tag") && !inTerms(p.get("tags"), new HashSet<>(r.ids("tag")))) {
            return false;
        }
        if (!priceInRange(r, p)) {
            return false;
        }
        if (!datesMatch(r, p)) {
            return false;
        }
        String search = r.string("search");
        return search == null || search.isBlank() || searchMatches(search, p);
    }

    /** The category ids and all their descendants (WordPress's tax_query includes children). */
    private Set<Integer> categoryTree(List<Integer> roots) {
        Set<Integer> ids = new HashSet<>(roots);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ObjectNode c : store.categories) {
                if (ids.contains(c.path("parent").asInt()) && ids.add(c.get("id").asInt())) {
                    grew = true;
                }
            }
        }
        return ids;
    }

    private static boolean inTerms(JsonNode terms, Set<Integer> wanted) {
        if (terms != null) {
            for (JsonNode t : terms) {
                if (wanted.contains(t.path("id").asInt())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean priceInRange(RestRequest r, ObjectNode p) {
        String min = r.string("min_price");
        String max = r.string("max_price");
        if ((min == null || min.isEmpty()) && (max == null || max.isEmpty())) {
            return true;
        }
        BigDecimal[] range = priceRange(p);
        if (range == null) {
            return false;
        }
        if (min != null && Json.isDecimal(min) && range[1].compareTo(new BigDecimal(min.trim())) < 0) {
            return false;
        }
        return max == null || !Json.isDecimal(max) || range[0].compareTo(new BigDecimal(max.trim())) <= 0;
    }

    /** Lowest and highest price (a variable product's range comes from its variations), or null without a price. */
    private BigDecimal[] priceRange(ObjectNode p) {
        List<BigDecimal> prices = new ArrayList<>();
        if ("variable".equals(Json.text(p, "type"))) {
            for (ObjectNode v : store.variationsOf(p.get("id").asInt())) {
                if (!Json.text(v, "price").isEmpty()) {
                    prices.add(Json.decimal(v, "price"));
                }
            }
        } else if (!Json.text(p, "price").isEmpty()) {
            prices.add(Json.decimal(p, "price"));
        }
        if (prices.isEmpty()) {
            return null;
        }
        return new BigDecimal[]{prices.stream().min(Comparator.naturalOrder()).get(),
                prices.stream().max(Comparator.naturalOrder()).get()};
    }

    private static boolean datesMatch(RestRequest r, ObjectNode p) {
        return within(r.string("after"), r.string("before"), Json.text(p, "date_created_gmt"))
                && within(r.string("modified_after"), r.string("modified_before"), Json.text(p, "date_modified_gmt"));
    }

    static boolean within(String after, String before, String date) {
        if ((after == null || after.isEmpty()) && (before == null || before.isEmpty())) {
            return true;
        }
        Instant at = Json.parseDate(date);
        if (at == null) {
            return false;
        }
        if (after != null && !after.isEmpty() && !at.isAfter(Json.parseDate(after))) {
            return false;
        }
        return before == null || before.isEmpty() || at.isBefore(Json.parseDate(before));
    }

    /** WordPress search: every word must appear in the title, excerpt or content. */
    static boolean searchMatches(String search, ObjectNode p) {
        String haystack = (Json.text(p, "name") + "\n" + Json.text(p, "short_description") + "\n"
                + Json.text(p, "description")).toLowerCase(Locale.ROOT);
        for (String word : search.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private Comparator<ObjectNode> order(RestRequest r) {
        boolean asc = "asc".equals(r.string("order", "desc"));
        String orderby = r.string("orderby", "date");
        Comparator<ObjectNode> byId = Comparator.comparingInt(p -> p.get("id").asInt());
        Comparator<ObjectNode> key = switch (orderby) {
            case "id" -> byId;
            case "include" -> {
                List<Integer> include = r.ids("include");
                yield Comparator.comparingInt(p -> include.indexOf(p.get("id").asInt()));
            }
            case "title" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "name").toLowerCase(Locale.ROOT));
            case "slug" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "slug"));
            case "modified" -> Comparator.comparing((ObjectNode p) -> Json.text(p, "date_modified_gmt"));
            case "price" -> Comparator.comparing((ObjectNode p) -> {
                BigDecimal[] range = priceRange(p);
                return range == null ? BigDecimal.ZERO : asc ? range[0] : range[1];
            });
            case "popularity" -> Comparator.comparingInt((ObjectNode p) -> p.path("total_sales").asInt());
            case "rating" -> Comparator.comparing((ObjectNode p) -> Json.decimal(p, "average_rating"));
            case "menu_order" -> Comparator.comparingInt((ObjectNode p) -> p.path("menu_order").asInt());
            default -> Comparator.comparing((ObjectNode p) -> Json.text(p, "date_created_gmt"));
        };
        if (orderby.equals("include")) {
            return key;
        }
        Comparator<ObjectNode> full = key.thenComparing(byId);
        return asc ? full : full.reversed();
    }

    private RestResponse get(RestRequest r) {
        int id = r.pathId("id");
        ObjectNode product = store.products.get(id);
        if (product != null) {
            return RestResponse.ok(Catalog.view(product));
        }
        ObjectNode variation = store.variations.get(id);
        if (variation != null) {
            return RestResponse.ok(Catalog.variationAsProduct(store, variation));
        }
        throw WooErrors.invalidId("product", 404);
    }

    private RestResponse create(RestRequest r) {
        ObjectNode product = createProduct(r.body);
        return RestResponse.created(Catalog.forEdit(store, product), store.api("/products/" + product.get("id")));
    }

    ObjectNode createProduct(ObjectNode body) {
        ObjectNode product = store.template("product");
        ProductFields.apply(store, product, body, false);
        int id = store.nextPostId();
        String now = store.now();
        product.put("id", id);
        product.put("date_created", now);
        product.put("date_created_gmt", now);
        product.put("date_modified", now);
        product.put("date_modified_gmt", now);
        if (product.path("categories").isEmpty()) {
            ObjectNode uncategorized = store.category(15);
            if (uncategorized != null) {
                product.putArray("categories").addObject().put("id", 15).put("name", Json.text(uncategorized, "name"))
                        .put("slug", Json.text(uncategorized, "slug"));
            }
        }
        String slug = body.hasNonNull("slug")
                ? Catalog.slug(body.get("slug").asText())
                : Catalog.slug(Json.text(product, "name"));
        setSlug(product, slug.isEmpty() ? String.valueOf(id) : slug);
        product.set("related_ids", related(product));
        refreshProduct(product);
        ObjectNode links = product.putObject("_links");
        links.set("self", Json.selfLink(store.api("/products/" + id), "GET", "POST", "PUT", "PATCH", "DELETE"));
        links.set("collection", Json.link(store.api("/products")));
        store.products.put(id, product);
        return product;
    }

    private void setSlug(ObjectNode product, String wanted) {
        String slug = wanted;
        int own = product.path("id").asInt();
        for (int i = 2; slugTaken(slug, own); i++) {
            slug = wanted + "-" + i;
        }
        product.put("slug", slug);
        product.put("permalink", store.siteUrl() + "/product/" + slug + "/");
    }

    private boolean slugTaken(String slug, int ownId) {
        for (ObjectNode p : store.products.values()) {
            if (p.get("id").asInt() != ownId && slug.equals(Json.text(p, "slug"))) {
                return true;
            }
        }
        return false;
    }

    /** Other products sharing a category or tag, at most five. */
    private ArrayNode related(ObjectNode product) {
        Set<Integer> terms = new HashSet<>();
        product.path("categories").forEach(c -> terms.add(c.path("id").asInt()));
        Set<Integer> tagIds = new HashSet<>();
        product.path("tags").forEach(t -> tagIds.add(t.path("id").asInt()));
        ArrayNode related = Json.array();
        for (ObjectNode p : store.products.descendingMap().values()) {
            if (related.size() == 5) {
                break;
            }
            if (p.get("id").asInt() != product.get("id").asInt() && !"trash".equals(Json.text(p, "status"))
                    && (inTerms(p.get("categories"), terms) || inTerms(p.get("tags"), tagIds))) {
                related.add(p.get("id").asInt());
            }
        }
        return related;
    }

    private void refreshProduct(ObjectNode product) {
        if ("variable".equals(Json.text(product, "type"))) {
            Catalog.refreshVariable(store, product);
            Catalog.refreshStock(product);
        } else {
            product.put("has_options", false);
            Catalog.refresh(store, product);
        }
    }

    private RestResponse update(RestRequest r) {
        int id = r.pathId("id");
        return RestResponse.ok(Catalog.forEdit(store, updateProduct(id, r.body, 400)));
    }

    ObjectNode updateProduct(int id, ObjectNode body, int missingStatus) {
        ObjectNode product = store.products.get(id);
        if (product == null) {
            if (store.variations.containsKey(id)) {
                throw WooErrors.error(404, "woocommerce_rest_invalid_product_id",
                        "To manipulate product variations you should use the /products/&lt;product_id&gt;/variations/&lt;id&gt; endpoint.");
            }
            throw WooErrors.invalidId("product", missingStatus);
        }
        ObjectNode updated = product.deepCopy();
        ProductFields.apply(store, updated, body, false);
        if (body.hasNonNull("slug")) {
            setSlug(updated, Catalog.slug(body.get("slug").asText()));
        }
        String now = store.now();
        updated.put("date_modified", now);
        updated.put("date_modified_gmt", now);
        refreshProduct(updated);
        store.products.put(id, updated);
        return updated;
    }

    private RestResponse delete(RestRequest r) {
        return RestResponse.ok(deleteProduct(r.pathId("id"), Boolean.TRUE.equals(r.bool("force"))));
    }

    ObjectNode deleteProduct(int id, boolean force) {
        ObjectNode product = store.products.get(id);
        if (product == null) {
            throw WooErrors.invalidId("product", 404);
        }
        if (force) {
            store.products.remove(id);
            store.variationsOf(id).forEach(v -> store.variations.remove(v.get("id").asInt()));
            return Catalog.forEdit(store, product);
        }
        if ("trash".equals(Json.text(product, "status"))) {
            throw WooErrors.alreadyTrashed("product");
        }
        product.put("status", "trash");
        String now = store.now();
        product.put("date_modified", now);
        product.put("date_modified_gmt", now);
        return Catalog.forEdit(store, product);
    }

    /** WC_REST_Controller::batch_items: each item on its own, errors reported per item. */
    private RestResponse batch(RestRequest r) {
        return Batch.run(r.body, body -> Catalog.forEdit(store, createProduct(body)),
                (id, body) -> Catalog.forEdit(store, updateProduct(id, body, 400)), id -> deleteProduct(id, true));
    }
}
