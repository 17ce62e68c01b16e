package io.csc.demostore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /coupons: list (code filter, search), get, create, update, delete, batch. Codes are stored lower-cased. */
final class CouponRoutes {

    private final Store store;

    CouponRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/coupons")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.string("after").dateTime(), Param.string("before").dateTime(),
                        Param.string("modified_after").dateTime(), Param.string("modified_before").dateTime(),
                        Param.integers("exclude"), Param.integers("include"), Param.integer("offset"), Param.order(),
                        Param.string("orderby").oneOf("date", "id", "include", "title", "slug", "modified"),
                        Param.string("code"))
                .post(Access.CREATE, this::create, writeParams(true));
        api.route("/wc/v3/coupons/batch").edit(Access.BATCH, this::batch, Param.array("create"),
                Param.array("update"), Param.array("delete"));
        api.route("/wc/v3/coupons/(?P<id>[\\d]+)").get(Access.VIEW, this::get)
                .edit(Access.EDIT, this::update, writeParams(false))
                .delete(Access.DELETE, this::delete, Param.bool("force"));
    }

    private static Param[] writeParams(boolean creating) {
        Param code = Param.string("code");
        return new Param[]{creating ? code.required() : code, Param.string("amount"),
                Param.string("discount_type").oneOf("percent", "fixed_cart", "fixed_product"),
                Param.string("description"), Param.string("date_expires"), Param.string("date_expires_gmt"),
                Param.bool("individual_use"), Param.integers("product_ids"), Param.integers("excluded_product_ids"),
                Param.integer("usage_limit"), Param.integer("usage_limit_per_user"),
                Param.integer("limit_usage_to_x_items"), Param.bool("free_shipping"),
                Param.integers("product_categories"), Param.integers("excluded_product_categories"),
                Param.bool("exclude_sale_items"), Param.string("minimum_amount"), Param.string("maximum_amount"),
                Param.strings("email_restrictions"), Param.array("meta_data")};
    }

    /** wc_format_coupon_code + wc_strtolower. */
    static String normalizeCode(String code) {
        return code.replace("&amp;", "&").trim().toLowerCase(Locale.ROOT);
    }

    private RestResponse list(RestRequest r) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode c : store.coupons.values()) {
            int id = c.get("id").asInt();
            if ("trash".equals(Json.text(c, "status"))
                    || r.has("code") && !normalizeCode(r.string("code")).equals(Json.text(c, "code"))
                    || r.has("include") && !r.ids("include").contains(id)
                    || r.has("exclude") && r.ids("exclude").contains(id)
                    || !ProductRoutes.within(r.string("after"), r.string("before"), Json.text(c, "date_created_gmt"))
                    || !ProductRoutes.within(r.string("modified_after"), r.string("modified_before"),
                            Json.text(c, "date_modified_gmt"))) {
                continue;
            }
            String search = r.string("search");
            if (search != null && !search.isBlank() && !(Json.text(c, "code") + "\n" + Json.text(c, "description"))
                    .toLowerCase(Locale.ROOT).contains(search.trim().toLowerCase(Locale.ROOT))) {
                continue;
            }
            result.add(c);
        }
        String orderby = r.string("orderby", "date");
        Comparator<ObjectNode> byId = Comparator.comparingInt(c -> c.get("id").asInt());
        Comparator<ObjectNode> order;
        if (orderby.equals("include")) {
            List<Integer> include = r.ids("include");
            order = Comparator.comparingInt(c -> include.indexOf(c.get("id").asInt()));
        } else {
            Comparator<ObjectNode> key = switch (orderby) {
                case "id" -> byId;
                case "title", "slug" -> Comparator.comparing((ObjectNode c) -> Json.text(c, "code")).thenComparing(byId);
                case "modified" -> Comparator.comparing((ObjectNode c) -> Json.text(c, "date_modified_gmt"))
                        .thenComparing(byId);
                default -> Comparator.comparing((ObjectNode c) -> Json.text(c, "date_created_gmt")).thenComparing(byId);
            };
            order = "asc".equals(r.string("order")) ? key : key.reversed();
        }
        result.sort(order);
        return Paging.page(r, result, store.api("/coupons"));
    }

    private ObjectNode find(int id, int missingStatus) {
        ObjectNode coupon = store.coupons.get(id);
        if (coupon == null) {
            throw WooErrors.invalidId("shop_coupon", missingStatus);
        }
        return coupon;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r.pathId("id"), 404));
    }

    private RestResponse create(RestRequest r) {
        ObjectNode coupon = createCoupon(r.body);
        return RestResponse.created(coupon, store.api("/coupons/" + coupon.get("id").asInt()));
    }

    private ObjectNode createCoupon(ObjectNode body) {
        if (!body.hasNonNull("code") || body.get("code").asText().isBlank()) {
            throw WooErrors.missingParams(List.of("code"));
        }
        String code = normalizeCode(body.get("code").asText());
        checkUnique(code, 0);
        ObjectNode coupon = store.template("coupon");
        int id = store.nextPostId();
        String now = store.now();
        coupon.put("id", id);
        coupon.put("code", code);
        coupon.put("date_created", now);
        coupon.put("date_created_gmt", now);
        coupon.put("date_modified", now);
        coupon.put("date_modified_gmt", now);
        apply(coupon, body);
        ObjectNode links = coupon.putObject("_links");
        links.set("self", Json.selfLink(store.api("/coupons/" + id), "GET", "POST", "PUT", "PATCH", "DELETE"));
        links.set("collection", Json.link(store.api("/coupons")));
        store.coupons.put(id, coupon);
        return coupon;
    }

    private void checkUnique(String code, int ownId) {
        for (ObjectNode c : store.coupons.values()) {
            if (c.get("id").asInt() != ownId && code.equals(Json.text(c, "code"))
                    && !"trash".equals(Json.text(c, "status"))) {
                throw WooErrors.error(400, "woocommerce_rest_coupon_code_already_exists",
                        "The coupon code already exists");
            }
        }
    }

    private void apply(ObjectNode coupon, ObjectNode body) {
        for (String money : List.of("amount", "minimum_amount", "maximum_amount")) {
            if (body.has(money)) {
                coupon.put(money, Json.money(Json.decimal(body.get(money))));
            }
        }
        for (String text : List.of("discount_type", "description")) {
            if (body.hasNonNull(text)) {
                coupon.put(text, body.get(text).asText());
            }
        }
        for (String flag : List.of("individual_use", "free_shipping", "exclude_sale_items")) {
            if (body.hasNonNull(flag)) {
                JsonNode v = body.get(flag);
                coupon.put(flag, v.isBoolean() ? v.booleanValue() : v.asText().matches("(?i)true|1|yes"));
            }
        }
        for (String limit : List.of("usage_limit", "usage_limit_per_user", "limit_usage_to_x_items")) {
            if (body.has(limit)) {
                JsonNode v = body.get(limit);
                if (v.isNull() || v.asText().isEmpty() || v.asInt() == 0) {
                    coupon.putNull(limit);
                } else {
                    coupon.put(limit, v.asInt());
                }
            }
        }
        for (String ids : List.of("product_ids", "excluded_product_ids", "product_categories",
                "excluded_product_categories")) {
            if (body.has(ids)) {
                ArrayNode list = coupon.putArray(ids);
                Params.listValues(body.get(ids)).forEach(v -> list.add((int) Double.parseDouble(v)));
            }
        }
        if (body.has("email_restrictions")) {
            ArrayNode list = coupon.putArray("email_restrictions");
            Params.listValues(body.get("email_restrictions")).forEach(e -> list.add(e.trim()));
        }
        // WooCommerce 10 takes only date_expires, in the store's local time; date_expires_gmt is not read on write
        // (fixtures coupon_create_date_expires_local and coupon_create_date_expires_gmt_ignored).
        if (body.has("date_expires")) {
            String expires = body.get("date_expires").isNull() ? null : body.get("date_expires").asText();
            Instant at = expires == null || expires.isEmpty() ? null : Json.parseDate(expires, store.zone());
            if (at == null) {
                coupon.putNull("date_expires");
                coupon.putNull("date_expires_gmt");
            } else {
                coupon.put("date_expires", Json.date(at));
                coupon.put("date_expires_gmt", Json.date(at));
            }
        }
        if (body.get("meta_data") instanceof ArrayNode meta) {
            ArrayNode own = coupon.withArray("meta_data");
            for (JsonNode m : meta) {
                if (m.hasNonNull("key")) {
                    own.addObject().put("id", store.nextMetaId()).put("key", m.get("key").asText()).set("value",
                            m.get("value"));
                }
            }
        }
    }

    private RestResponse update(RestRequest r) {
        return RestResponse.ok(updateCoupon(r.pathId("id"), r.body));
    }

    private ObjectNode updateCoupon(int id, ObjectNode body) {
        ObjectNode coupon = find(id, 400).deepCopy();
        if (body.hasNonNull("code")) {
            String code = normalizeCode(body.get("code").asText());
            checkUnique(code, id);
            coupon.put("code", code);
        }
        apply(coupon, body);
        String now = store.now();
        coupon.put("date_modified", now);
        coupon.put("date_modified_gmt", now);
        store.coupons.put(id, coupon);
        return coupon;
    }

    private RestResponse delete(RestRequest r) {
        return RestResponse.ok(deleteCoupon(r.pathId("id"), Boolean.TRUE.equals(r.bool("force"))));
    }

    private ObjectNode deleteCoupon(int id, boolean force) {
        ObjectNode coupon = find(id, 404);
        if (force) {
            store.coupons.remove(id);
            return coupon;
        }
        if ("trash".equals(Json.text(coupon, "status"))) {
            throw WooErrors.alreadyTrashed("shop_coupon");
        }
        coupon.put("status", "trash");
        return coupon;
    }

    private RestResponse batch(RestRequest r) {
        return Batch.run(r.body, this::createCoupon, this::updateCoupon, id -> deleteCoupon(id, true));
    }
}
