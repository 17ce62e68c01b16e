package io.csc.demostore;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Product rules WooCommerce applies on save: active price and on-sale flag, stock status from the quantity,
 * price_html, and a variable product's values derived from its variations.
 */
final class Catalog {

    static final Set<String> TYPES = Set.of("simple", "grouped", "external", "variable");

    private Catalog() {
    }

    /** Recomputes the derived fields of a simple/grouped/external product or of a variation. */
    static void refresh(Store store, ObjectNode product) {
        String regular = Json.text(product, "regular_price");
        String sale = Json.text(product, "sale_price");
        boolean onSale = isOnSale(store, product, regular, sale);
        String price = onSale ? sale : regular;
        product.put("price", price);
        product.put("on_sale", onSale);
        product.put("purchasable", !price.isEmpty());
        refreshStock(product);
        if (product.has("price_html")) {
            product.put("price_html", price.isEmpty() ? "" : onSale ? saleHtml(regular, sale) : amount(price, false));
        }
    }

    /** A variable product takes its price, sale flag and stock status from its variations. */
    static void refreshVariable(Store store, ObjectNode parent) {
        List<ObjectNode> children = store.variationsOf(parent.get("id").asInt());
        ArrayNode ids = parent.putArray("variations");
        BigDecimal min = null;
        BigDecimal max = null;
        boolean onSale = false;
        boolean inStock = false;
        boolean onBackorder = false;
        for (ObjectNode v : children) {
            ids.add(v.get("id").asInt());
            String price = Json.text(v, "price");
            if (!price.isEmpty()) {
                BigDecimal p = new BigDecimal(price);
                min = min == null || p.compareTo(min) < 0 ? p : min;
                max = max == null || p.compareTo(max) > 0 ? p : max;
            }
            onSale |= v.path("on_sale").asBoolean();
            inStock |= "instock".equals(Json.text(v, "stock_status"));
            onBackorder |= "onbackorder".equals(Json.text(v, "stock_status"));
        }
        parent.put("regular_price", "");
        parent.put("sale_price", "");
        parent.put("price", min == null ? "" : Json.money(min));
        parent.put("on_sale", onSale);
        parent.put("purchasable", min != null);
        parent.put("has_options", true);
        if (!children.isEmpty()) {
            parent.put("stock_status", inStock ? "instock" : onBackorder ? "onbackorder" : "outofstock");
        }
        String html;
        if (min == null) {
            html = "";
        } else if (min.compareTo(max) == 0) {
            html = amount(Json.money(min), false);
        } else {
            html = amount(Json.money(min), true) + " <span aria-hidden=\"true\">&ndash;</span> "
                    + amount(Json.money(max), true) + "<span class=\"screen-reader-text\">Price range: &#36;"
                    + formatPrice(min) + " through &#36;" + formatPrice(max) + "</span>";
        }
        parent.put("price_html", html);
    }

    /** Managed stock sets the status: above zero in stock, else on backorder if allowed, else out of stock. */
    static void refreshStock(ObjectNode product) {
        String backorders = Json.text(product, "backorders");
        boolean backordersAllowed = !backorders.isEmpty() && !backorders.equals("no");
        product.put("backorders_allowed", backordersAllowed);
        boolean managed = product.path("manage_stock").asBoolean() && !"variable".equals(Json.text(product, "type"));
        if (managed) {
            int qty = product.path("stock_quantity").isNull() ? 0 : product.path("stock_quantity").asInt();
            product.put("stock_quantity", qty);
            product.put("stock_status", qty > 0 ? "instock" : backordersAllowed ? "onbackorder" : "outofstock");
            product.put("backordered", backordersAllowed && qty < 0);
        } else {
            product.put("backordered", false);
        }
    }

    private static boolean isOnSale(Store store, ObjectNode product, String regular, String sale) {
        if (sale.isEmpty() || !Json.isDecimal(sale)) {
            return false;
        }
        if (!regular.isEmpty() && Json.isDecimal(regular) && new BigDecimal(sale).compareTo(new BigDecimal(regular)) >= 0) {
            return false;
        }
        Instant now = store.clock().instant();
        Instant from = dateField(product, "date_on_sale_from_gmt");
        Instant to = dateField(product, "date_on_sale_to_gmt");
        return (from == null || !now.isBefore(from)) && (to == null || !now.isAfter(to));
    }

    private static Instant dateField(ObjectNode product, String field) {
        JsonNode value = product.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : Json.parseDate(value.asText());
    }

    /** wc_price(): the markup WooCommerce wraps around an amount. */
    static String amount(String price, boolean ariaHidden) {
        return "<span class=\"woocommerce-Price-amount amount\"" + (ariaHidden ? " aria-hidden=\"true\"" : "")
                + "><bdi><span class=\"woocommerce-Price-currencySymbol\">&#36;</span>"
                + formatPrice(new BigDecimal(price)) + "</bdi></span>";
    }

    private static String saleHtml(String regular, String sale) {
        BigDecimal r = new BigDecimal(regular.isEmpty() ? "0" : regular);
        BigDecimal s = new BigDecimal(sale);
        return "<del aria-hidden=\"true\">" + amount(Json.money(r), false)
                + "</del> <span class=\"screen-reader-text\">Original price was: &#036;" + formatPrice(r)
                + ".</span><ins aria-hidden=\"true\">" + amount(Json.money(s), false)
                + "</ins><span class=\"screen-reader-text\">Current price is: &#036;" + formatPrice(s) + ".</span>";
    }

    /** number_format( $price, 2, '.', ',' ). */
    static String formatPrice(BigDecimal price) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(java.math.RoundingMode.HALF_UP);
        return format.format(price);
    }

    /** WordPress's sanitize_title, enough for product names: lower case, runs of other characters become '-'. */
    static String slug(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replace("&amp;", "").replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-+|-+$", "");
        return s;
    }

    /**
     * A product as GET answers it (context=view): products are stored as the edit context has them, so the texts get
     * wpautop's paragraphs and the average rating two decimals here.
     */
    static ObjectNode view(ObjectNode product) {
        ObjectNode copy = product.deepCopy();
        for (String field : List.of("description", "short_description", "purchase_note")) {
            if (copy.has(field)) {
                copy.put(field, wpautop(Json.text(copy, field)));
            }
        }
        if (copy.has("average_rating")) {
            copy.put("average_rating", Json.money(Json.decimal(copy, "average_rating")));
        }
        return copy;
    }

    private static final java.util.regex.Pattern BLOCK = java.util.regex.Pattern
            .compile("(?is)^<(p|div|ul|ol|h[1-6]|table|blockquote|pre|figure|hr)[\\s>/].*");

    /** WordPress's wpautop for the simple texts products have: paragraphs, line breaks, a trailing newline. */
    static String wpautop(String text) {
        String t = text.replace("\r\n", "\n").trim();
        if (t.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : t.split("\n\\s*\n")) {
            String p = paragraph.trim();
            if (BLOCK.matcher(p).matches()) {
                out.append(p).append('\n');
            } else {
                out.append("<p>").append(p.replace("\n", "<br />\n")).append("</p>\n");
            }
        }
        return out.toString();
    }

    /** A product as the REST API answers writes (context=edit adds two fields). */
    static ObjectNode forEdit(Store store, ObjectNode product) {
        ObjectNode copy = product.deepCopy();
        JsonNode links = copy.remove("_links");
        copy.put("permalink_template", store.siteUrl() + "/product/%pagename%/");
        copy.put("generated_slug", Json.text(product, "slug"));
        if (links != null) {
            copy.set("_links", links);
        }
        return copy;
    }

    /** GET /products answers a variation (e.g. found by SKU) in the product shape, as recorded. */
    static ObjectNode variationAsProduct(Store store, ObjectNode v) {
        ObjectNode parent = store.products.get(v.get("parent_id").asInt());
        String parentName = parent == null ? "" : Json.text(parent, "name");
        String parentSlug = parent == null ? "" : Json.text(parent, "slug");
        List<String> options = new ArrayList<>();
        v.path("attributes").forEach(a -> options.add(a.path("option").asText()));
        ObjectNode p = Json.object();
        p.set("id", v.get("id"));
        p.put("name", parentName + (options.isEmpty() ? "" : " - " + String.join(", ", options)));
        p.put("slug", slug(parentSlug + "-" + String.join("-", options)));
        p.set("permalink", v.get("permalink"));
        for (String f : List.of("date_created", "date_created_gmt", "date_modified", "date_modified_gmt")) {
            p.set(f, v.get(f));
        }
        p.put("type", "variation");
        p.set("status", v.get("status"));
        p.put("featured", false);
        p.put("catalog_visibility", "visible");
        p.put("description", wpautop(Json.text(v, "description")));
        p.put("short_description", "");
        for (String f : List.of("sku", "price", "regular_price", "sale_price", "date_on_sale_from",
                "date_on_sale_from_gmt", "date_on_sale_to", "date_on_sale_to_gmt", "on_sale", "purchasable")) {
            p.set(f, v.get(f));
        }
        p.put("total_sales", "0");
        for (String f : List.of("virtual", "downloadable", "downloads", "download_limit", "download_expiry")) {
            p.set(f, v.get(f));
        }
        p.put("external_url", "");
        p.put("button_text", "");
        for (String f : List.of("tax_status", "tax_class", "manage_stock", "stock_quantity", "backorders",
                "backorders_allowed", "backordered", "low_stock_amount")) {
            p.set(f, v.get(f));
        }
        p.put("sold_individually", false);
        p.set("weight", v.get("weight"));
        p.set("dimensions", v.get("dimensions"));
        p.put("shipping_required", !v.path("virtual").asBoolean());
        p.put("shipping_taxable", true);
        p.set("shipping_class", v.get("shipping_class"));
        p.set("shipping_class_id", v.get("shipping_class_id"));
        p.put("reviews_allowed", false);
        p.put("average_rating", "0.00");
        p.put("rating_count", 0);
        p.putArray("upsell_ids");
        p.putArray("cross_sell_ids");
        p.set("parent_id", v.get("parent_id"));
        p.put("purchase_note", "");
        p.putArray("categories");
        p.putArray("brands");
        p.putArray("tags");
        p.putArray("images");
        p.set("attributes", v.get("attributes"));
        p.putArray("default_attributes");
        p.putArray("variations");
        p.putArray("grouped_products");
        p.set("menu_order", v.get("menu_order"));
        String price = Json.text(v, "price");
        p.put("price_html", price.isEmpty()
                ? ""
                : v.path("on_sale").asBoolean() ? saleHtml(Json.text(v, "regular_price"), price) : amount(price, false));
        p.putArray("related_ids");
        p.set("meta_data", v.get("meta_data"));
        p.set("stock_status", v.get("stock_status"));
        p.put("has_options", false);
        p.put("post_password", "");
        p.set("global_unique_id", v.get("global_unique_id"));
        ObjectNode links = p.putObject("_links");
        links.set("self", Json.selfLink(store.api("/products/" + v.get("id").asInt()), "GET", "POST", "PUT", "PATCH",
                "DELETE"));
        links.set("collection", Json.link(store.api("/products")));
        links.set("up", Json.link(store.api("/products/" + v.get("parent_id").asInt())));
        return p;
    }

    /**
     * Adds delta to a managed stock (negative to reduce) and recomputes; returns the quantity before, or null when the
     * product does not manage stock.
     */
    static Integer adjustStock(Store store, ObjectNode product, int delta) {
        if (!product.path("manage_stock").asBoolean()) {
            return null;
        }
        int before = product.path("stock_quantity").asInt();
        product.put("stock_quantity", before + delta);
        refresh(store, product);
        String now = store.now();
        product.put("date_modified", now);
        product.put("date_modified_gmt", now);
        if ("variation".equals(Json.text(product, "type"))) {
            ObjectNode parent = store.products.get(product.get("parent_id").asInt());
            if (parent != null) {
                refreshVariable(store, parent);
                parent.put("date_modified", now);
                parent.put("date_modified_gmt", now);
            }
        }
        return before;
    }

    /** Adds to total_sales (kept on the parent for variations). */
    static void addSales(Store store, int productId, int variationId, int quantity) {
        ObjectNode product = store.products.get(productId);
        if (product == null && variationId != 0) {
            ObjectNode v = store.variations.get(variationId);
            product = v == null ? null : store.products.get(v.get("parent_id").asInt());
        }
        if (product != null) {
            product.put("total_sales", product.path("total_sales").asInt() + quantity);
        }
    }
}
