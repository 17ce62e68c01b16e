package io.csc.gateway.woo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.model.commerce.Address;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StockProduct;

/** Turns WooCommerce JSON into our wire records; WooCommerce's own shapes never leave this package. */
public final class WooMapper {
    /** Statuses a shopper may still cancel. */
    public static final Set<String> CANCELLABLE = Set.of("pending", "processing", "on-hold");

    private WooMapper() {
    }

    public static StockProduct stock(JsonNode p) {
        return new StockProduct(p.path("id").asLong(), p.path("name").asText(""), p.path("sku").asText(""),
                p.path("price").asText(""), p.path("stock_status").asText("instock"), intOrNull(p.path("stock_quantity")));
    }

    public static ProductSummary product(JsonNode p, List<JsonNode> variations) {
        List<String> categories = new ArrayList<>();
        p.path("categories").forEach(c -> categories.add(c.path("name").asText()));
        List<ProductSummary.ProductVariant> variants = new ArrayList<>();
        for (JsonNode v : variations) {
            List<String> attributes = new ArrayList<>();
            v.path("attributes").forEach(a -> attributes.add(a.path("name").asText() + ": " + a.path("option").asText()));
            variants.add(new ProductSummary.ProductVariant(v.path("id").asLong(), v.path("sku").asText(""),
                    v.path("price").asText(""), v.path("stock_status").asText(""), intOrNull(v.path("stock_quantity")),
                    attributes));
        }
        return new ProductSummary(p.path("id").asLong(), p.path("name").asText(""), p.path("type").asText("simple"),
                p.path("sku").asText(""), p.path("price").asText(""), p.path("regular_price").asText(""),
                p.path("sale_price").asText(""), p.path("on_sale").asBoolean(), p.path("stock_status").asText(""),
                intOrNull(p.path("stock_quantity")), p.path("permalink").asText(""),
                stripTags(p.path("short_description").asText("")), categories, variants, image(p.path("images")));
    }

    /** WooCommerce's first image; an empty alt falls back to nothing (the card then uses the product's name). */
    static ProductSummary.Image image(JsonNode images) {
        JsonNode first = images.path(0);
        String src = first.path("src").asText("");
        if (src.isBlank()) {
            return null;
        }
        String alt = first.path("alt").asText("");
        return new ProductSummary.Image(src, alt.isBlank() ? null : alt);
    }

    public static CustomerSummary customer(JsonNode c) {
        return new CustomerSummary(c.path("id").asLong(), c.path("email").asText(""), c.path("first_name").asText(""),
                c.path("last_name").asText(""), c.path("username").asText(""), c.path("is_paying_customer").asBoolean(),
                c.path("date_created_gmt").asText(c.path("date_created").asText("")));
    }

    public static OrderSummary order(JsonNode o) {
        List<OrderSummary.Line> lines = new ArrayList<>();
        o.path("line_items").forEach(l -> lines.add(new OrderSummary.Line(l.path("product_id").asLong(),
                l.path("variation_id").asLong(), l.path("name").asText(""), l.path("sku").asText(""),
                l.path("quantity").asInt(), l.path("total").asText(""))));
        List<OrderSummary.Refund> refunds = new ArrayList<>();
        o.path("refunds").forEach(r -> refunds.add(new OrderSummary.Refund(r.path("id").asLong(),
                r.path("total").asText("").replace("-", ""), r.path("reason").asText(""))));
        String status = o.path("status").asText("");
        return new OrderSummary(o.path("id").asLong(), o.path("number").asText(o.path("id").asText()), status,
                o.path("currency").asText(""), o.path("total").asText(""), o.path("shipping_total").asText(""),
                o.path("date_created_gmt").asText(o.path("date_created").asText("")),
                o.path("date_completed_gmt").isTextual() ? o.path("date_completed_gmt").asText() : null,
                o.path("payment_method_title").asText(""), lines, address(o.path("shipping")), tracking(o.path("meta_data")),
                refunds, CANCELLABLE.contains(status));
    }

    public static Address address(JsonNode a) {
        if (a.isMissingNode() || a.isNull()) {
            return null;
        }
        return new Address(a.path("first_name").asText(""), a.path("last_name").asText(""), a.path("company").asText(""),
                a.path("address_1").asText(""), a.path("address_2").asText(""), a.path("city").asText(""),
                a.path("state").asText(""), a.path("postcode").asText(""), a.path("country").asText(""),
                a.path("phone").asText(""));
    }

    /** The address in WooCommerce's field names, for an update. */
    public static ObjectNode wooAddress(Address a,
            ObjectNode target) {
        target.put("first_name", nz(a.firstName())).put("last_name", nz(a.lastName())).put("company", nz(a.company()))
                .put("address_1", a.address1()).put("address_2", nz(a.address2())).put("city", a.city())
                .put("state", nz(a.state())).put("postcode", a.postcode()).put("country", a.country().toUpperCase())
                .put("phone", nz(a.phone()));
        return target;
    }

    /** WooCommerce Shipment Tracking keeps its numbers in the {@code _wc_shipment_tracking_items} order meta. */
    static List<OrderSummary.Tracking> tracking(JsonNode meta) {
        List<OrderSummary.Tracking> tracking = new ArrayList<>();
        for (JsonNode m : meta) {
            if ("_wc_shipment_tracking_items".equals(m.path("key").asText())) {
                for (JsonNode t : m.path("value")) {
                    String provider = t.path("tracking_provider").asText("");
                    tracking.add(new OrderSummary.Tracking(
                            provider.isEmpty() ? t.path("custom_tracking_provider").asText("") : provider,
                            t.path("tracking_number").asText(""), t.path("custom_tracking_link").asText(""),
                            t.path("date_shipped").asText("")));
                }
            }
        }
        return tracking;
    }

    /** The billing email of an order, lower-cased; empty when none. */
    public static String billingEmail(JsonNode order) {
        return order.path("billing").path("email").asText("").trim().toLowerCase(Locale.ROOT);
    }

    private static Integer intOrNull(JsonNode n) {
        return n.isNumber() ? n.asInt() : null;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String stripTags(String html) {
        return html.replaceAll("<[^>]*>", "").replace("&amp;", "&").replace("&#8217;", "'").trim();
    }
}
