package io.csc.demostore;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Copies writable product and variation fields from a request body, with WooCommerce's checks. */
final class ProductFields {

    private static final List<String> PLAIN = List.of("name", "status", "featured", "catalog_visibility", "description",
            "short_description", "virtual", "downloadable", "external_url", "button_text", "tax_status", "tax_class",
            "manage_stock", "backorders", "sold_individually", "weight", "shipping_class", "reviews_allowed",
            "parent_id", "purchase_note", "menu_order", "global_unique_id", "post_password", "low_stock_amount");

    private ProductFields() {
    }

    /** Body parameters WordPress validates before a product is created or updated. */
    static Param[] productParams() {
        return new Param[]{Param.string("name"), Param.string("slug"),
                Param.string("type").oneOf("simple", "grouped", "external", "variable"),
                Param.string("status").oneOf("draft", "pending", "private", "publish", "future"), Param.bool("featured"),
                Param.string("catalog_visibility").oneOf("visible", "catalog", "search", "hidden"),
                Param.string("description"), Param.string("short_description"), Param.string("sku"),
                Param.string("regular_price"), Param.string("sale_price"),
                Param.string("date_on_sale_from").dateTime(), Param.string("date_on_sale_to").dateTime(),
                Param.bool("virtual"), Param.bool("downloadable"),
                Param.string("tax_status").oneOf("taxable", "shipping", "none"), Param.string("tax_class"),
                Param.bool("manage_stock"), Param.integer("stock_quantity"),
                Param.string("stock_status").oneOf("instock", "outofstock", "onbackorder"),
                Param.string("backorders").oneOf("no", "notify", "yes"), Param.integer("low_stock_amount"),
                Param.bool("sold_individually"), Param.string("weight"), Param.object("dimensions"),
                Param.bool("reviews_allowed"), Param.integers("upsell_ids"), Param.integers("cross_sell_ids"),
                Param.integer("parent_id"), Param.string("purchase_note"), Param.array("categories"),
                Param.array("tags"), Param.array("images"), Param.array("attributes"),
                Param.array("default_attributes"), Param.integer("menu_order"), Param.array("meta_data")};
    }

    /** Applies the body; throws the recorded SKU error before anything changes when the SKU is taken. */
    static void apply(Store store, ObjectNode target, ObjectNode body, boolean variation) {
        if (body.has("sku")) {
            checkSku(store, target.path("id").asInt(), body.get("sku").asText());
        }
        for (String field : PLAIN) {
            JsonNode value = body.get(field);
            if (value != null && target.has(field)) {
                target.set(field, normalize(target.get(field), value));
            }
        }
        if (body.has("sku")) {
            target.put("sku", body.get("sku").asText().trim());
        }
        if (!variation && body.hasNonNull("type")) {
            // Batch items skip schema validation; WooCommerce then falls back to a simple product.
            String type = body.get("type").asText();
            target.put("type", Catalog.TYPES.contains(type) ? type : "simple");
        }
        for (String price : List.of("regular_price", "sale_price")) {
            if (body.has(price)) {
                target.put(price, body.get(price).isNull() ? "" : body.get(price).asText());
            }
        }
        // date_on_sale_x is local time, date_on_sale_x_gmt UTC; WooCommerce reads both, the _gmt one last.
        for (String date : List.of("date_on_sale_from", "date_on_sale_from_gmt", "date_on_sale_to",
                "date_on_sale_to_gmt")) {
            if (body.has(date)) {
                String text = body.get(date).isNull() ? "" : body.get(date).asText();
                java.time.Instant at = text.isEmpty()
                        ? null
                        : Json.parseDate(text, date.endsWith("_gmt") ? java.time.ZoneOffset.UTC : store.zone());
                String field = date.replace("_gmt", "");
                if (at == null) {
                    target.putNull(field);
                    target.putNull(field + "_gmt");
                } else {
                    target.put(field, Json.date(at));
                    target.put(field + "_gmt", Json.date(at));
                }
            }
        }
        if (body.has("stock_quantity")) {
            JsonNode qty = body.get("stock_quantity");
            if (qty.isNull()) {
                target.putNull("stock_quantity");
            } else {
                target.put("stock_quantity", (int) Double.parseDouble(qty.asText()));
            }
        }
        if (body.hasNonNull("stock_status")) {
            target.put("stock_status", body.get("stock_status").asText());
        }
        if (body.get("dimensions") instanceof ObjectNode dims && target.get("dimensions") instanceof ObjectNode own) {
            for (String d : List.of("length", "width", "height")) {
                if (dims.has(d)) {
                    own.put(d, dims.get(d).asText());
                }
            }
        }
        if (!variation) {
            applyTerms(store, target, body);
            for (String ids : List.of("upsell_ids", "cross_sell_ids")) {
                if (body.has(ids)) {
                    ArrayNode list = target.putArray(ids);
                    Params.listValues(body.get(ids)).forEach(v -> list.add((int) Double.parseDouble(v)));
                }
            }
            if (body.get("attributes") instanceof ArrayNode attributes) {
                target.set("attributes", productAttributes(attributes));
            }
            if (body.get("default_attributes") instanceof ArrayNode defaults) {
                ArrayNode list = target.putArray("default_attributes");
                for (JsonNode a : defaults) {
                    ObjectNode named = attributeRef(a);
                    list.addObject().put("id", named.get("id").asInt()).put("name", Json.text(named, "name"))
                            .put("option", Json.text(a, "option"));
                }
            }
        } else if (body.get("attributes") instanceof ArrayNode attributes) {
            ArrayNode list = target.putArray("attributes");
            for (JsonNode a : attributes) {
                ObjectNode named = attributeRef(a);
                list.addObject().put("id", named.get("id").asInt()).put("name", Json.text(named, "name"))
                        .put("slug", Json.text(named, "slug")).put("option", Json.text(a, "option"));
            }
        }
        if (body.get("meta_data") instanceof ArrayNode meta) {
            applyMeta(store, target, meta);
        }
    }

    private static void applyTerms(Store store, ObjectNode target, ObjectNode body) {
        if (body.get("categories") instanceof ArrayNode cats) {
            ArrayNode list = target.putArray("categories");
            for (JsonNode c : cats) {
                ObjectNode category = store.category(c.path("id").asInt());
                if (category != null) {
                    list.addObject().put("id", category.get("id").asInt()).put("name", Json.text(category, "name"))
                            .put("slug", Json.text(category, "slug"));
                }
            }
        }
        if (body.get("tags") instanceof ArrayNode requested) {
            ArrayNode list = target.putArray("tags");
            for (JsonNode t : requested) {
                ObjectNode tag = t.has("id") ? store.tag(t.get("id").asInt()) : null;
                if (tag == null && t.hasNonNull("name")) {
                    tag = findOrCreateTag(store, t.get("name").asText());
                }
                if (tag != null) {
                    list.addObject().put("id", tag.get("id").asInt()).put("name", Json.text(tag, "name"))
                            .put("slug", Json.text(tag, "slug"));
                }
            }
        }
    }

    private static ObjectNode findOrCreateTag(Store store, String name) {
        for (ObjectNode tag : store.tags) {
            if (Json.text(tag, "name").equalsIgnoreCase(name)) {
                return tag;
            }
        }
        ObjectNode tag = Json.object().put("id", store.nextTermId()).put("name", name).put("slug", Catalog.slug(name));
        store.tags.add(tag);
        return tag;
    }

    private static ArrayNode productAttributes(ArrayNode requested) {
        ArrayNode list = Json.array();
        int position = 0;
        for (JsonNode a : requested) {
            ObjectNode named = attributeRef(a);
            ObjectNode attribute = list.addObject();
            attribute.put("id", named.get("id").asInt());
            attribute.put("name", Json.text(named, "name"));
            attribute.put("slug", Json.text(named, "slug"));
            attribute.put("position", a.has("position") ? a.get("position").asInt() : position);
            attribute.put("visible", !a.has("visible") || a.get("visible").asBoolean());
            attribute.put("variation", a.has("variation") && a.get("variation").asBoolean());
            ArrayNode options = attribute.putArray("options");
            Params.listValues(a.get("options")).forEach(options::add);
            position++;
        }
        return list;
    }

    /**
     * Resolves {id} or {name} to the attribute's id, name and slug: the recorded store has two global attributes, Color
     * (pa_color) and Size (pa_size); other names are local attributes (id 0).
     */
    private static ObjectNode attributeRef(JsonNode a) {
        int id = a.path("id").asInt();
        String name = Json.text(a, "name");
        if (id == 1 || "Color".equalsIgnoreCase(name) || "pa_color".equals(name)) {
            return Json.object().put("id", 1).put("name", "Color").put("slug", "pa_color");
        }
        if (id == 2 || "Size".equalsIgnoreCase(name) || "pa_size".equals(name)) {
            return Json.object().put("id", 2).put("name", "Size").put("slug", "pa_size");
        }
        return Json.object().put("id", 0).put("name", name).put("slug", Catalog.slug(name));
    }

    private static void applyMeta(Store store, ObjectNode target, ArrayNode requested) {
        ArrayNode meta = target.withArray("meta_data");
        for (JsonNode m : requested) {
            String key = Json.text(m, "key");
            if (key.isEmpty()) {
                continue;
            }
            ObjectNode existing = null;
            for (JsonNode own : meta) {
                if ((m.has("id") && own.path("id").asInt() == m.get("id").asInt()) || Json.text(own, "key").equals(key)) {
                    existing = (ObjectNode) own;
                    break;
                }
            }
            if (existing == null) {
                existing = meta.addObject().put("id", store.nextMetaId()).put("key", key);
            }
            existing.set("value", m.get("value") == null ? Json.NODES.nullNode() : m.get("value"));
        }
    }

    /** Keeps the stored field's JSON type (a boolean stays a boolean when a client sends "true"). */
    private static JsonNode normalize(JsonNode current, JsonNode value) {
        if (current != null && current.isBoolean() && !value.isBoolean()) {
            String t = value.asText().toLowerCase(java.util.Locale.ROOT);
            return Json.NODES.booleanNode(t.equals("true") || t.equals("1") || t.equals("yes"));
        }
        if (current != null && current.isIntegralNumber() && value.isTextual() && Params.isInteger(value)) {
            return Json.NODES.numberNode((int) Double.parseDouble(value.asText()));
        }
        if (current != null && current.isTextual() && !value.isTextual() && !value.isNull()) {
            return Json.NODES.textNode(value.asText());
        }
        return value;
    }

    /** WooCommerce refuses a SKU another product or variation already has, and suggests a free one. */
    static void checkSku(Store store, int ownId, String sku) {
        String wanted = sku.trim();
        if (wanted.isEmpty()) {
            return;
        }
        Integer owner = skuOwner(store, wanted, ownId);
        if (owner == null) {
            return;
        }
        String unique = wanted;
        for (int i = 1; skuOwner(store, unique, ownId) != null; i++) {
            unique = wanted + "-" + i;
        }
        ObjectNode body = Json.object().put("code", "product_invalid_sku").put("message", "Invalid or duplicated SKU.");
        body.putObject("data").put("status", 400).put("resource_id", owner).put("unique_sku", unique);
        throw new WooException(400, body, false);
    }

    private static Integer skuOwner(Store store, String sku, int ownId) {
        List<ObjectNode> all = new ArrayList<>(store.products.values());
        all.addAll(store.variations.values());
        for (ObjectNode p : all) {
            int id = p.get("id").asInt();
            if (id != ownId && sku.equalsIgnoreCase(Json.text(p, "sku"))) {
                return id;
            }
        }
        return null;
    }
}
