package io.csc.demostore;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * /reports: the legacy reports, computed from the store's data. The recorded store answered zeros for sales and top
 * sellers because those read the old posts tables while HPOS was on; the shapes here are the recorded ones and the
 * numbers follow the same store with HPOS sync on ({@code reports_*_hpos_sync} recordings).
 */
final class ReportRoutes {

    private static final Set<String> SALES_STATUSES = Set.of("completed", "processing", "on-hold", "refunded");
    private static final Set<String> TOP_SELLER_STATUSES = Set.of("completed", "processing", "on-hold");
    private static final int TOP_SELLERS_LIMIT = 12;

    private final Store store;

    ReportRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/reports/sales").get(Access.LIST, this::sales, periodParams());
        api.route("/wc/v3/reports/top_sellers").get(Access.LIST, this::topSellers, periodParams());
        api.route("/wc/v3/reports/orders/totals").get(Access.LIST, r -> totals(orderTotals()));
        api.route("/wc/v3/reports/products/totals").get(Access.LIST, r -> totals(productTotals()));
        api.route("/wc/v3/reports/customers/totals").get(Access.LIST, r -> totals(customerTotals()));
        api.route("/wc/v3/reports/coupons/totals").get(Access.LIST, r -> totals(couponTotals()));
        api.route("/wc/v3/reports/reviews/totals").get(Access.LIST, r -> totals(reviewTotals()));
        api.route("/wc/v3/reports").get(Access.LIST, r -> list());
    }

    private static Param[] periodParams() {
        // date_min/date_max have format "date", which WordPress does not check; an unreadable one is ignored.
        return new Param[]{Param.string("period").oneOf("week", "month", "last_month", "year"),
                Param.string("date_min"), Param.string("date_max")};
    }

    private RestResponse list() {
        String[][] reports = {{"sales", "List of sales reports."}, {"top_sellers", "List of top sellers products."},
                {"orders/totals", "Orders totals."}, {"products/totals", "Products totals."},
                {"customers/totals", "Customers totals."}, {"coupons/totals", "Coupons totals."},
                {"reviews/totals", "Reviews totals."}, {"categories/totals", "Categories totals."},
                {"tags/totals", "Tags totals."}, {"attributes/totals", "Attributes totals."}};
        ArrayNode body = Json.array();
        for (int i = 0; i < reports.length; i++) {
            ObjectNode report = body.addObject().put("slug", reports[i][0]).put("description", reports[i][1]);
            ObjectNode links = report.putObject("_links");
            String href = store.api("/reports/" + reports[i][0]);
            // The last three are listed by WooCommerce but have no route, so no target hints.
            links.set("self", i < 7 ? Json.selfLink(href, "GET") : Json.link(href));
            links.set("collection", Json.link(store.api("/reports")));
        }
        return RestResponse.ok(body);
    }

    /** The report's days (or months for a year) as WC_Admin_Report::calculate_current_range picks them. */
    private record Range(LocalDate start, LocalDate end, boolean byMonth) {

        List<String> buckets() {
            List<String> keys = new ArrayList<>();
            if (byMonth) {
                for (YearMonth m = YearMonth.from(start); !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
                    keys.add(m.toString());
                }
            } else {
                for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
                    keys.add(d.toString());
                }
            }
            return keys;
        }

        String bucket(String dateTime) {
            return byMonth ? dateTime.substring(0, 7) : dateTime.substring(0, 10);
        }

        boolean contains(String dateTime) {
            LocalDate day = LocalDate.parse(dateTime.substring(0, 10));
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private Range range(RestRequest r) {
        LocalDate today = LocalDate.ofInstant(store.clock().instant(), ZoneOffset.UTC);
        String period = r.string("period");
        if (period == null || period.isEmpty()) {
            if (r.has("date_min") || r.has("date_max")) {
                LocalDate start = r.has("date_min") ? day(r.string("date_min"), today) : today;
                LocalDate end = r.has("date_max") ? day(r.string("date_max"), today) : today;
                return new Range(start, end, false);
            }
            return new Range(today, today, false);
        }
        return switch (period) {
            case "month" -> new Range(today.withDayOfMonth(1), today, false);
            case "last_month" -> {
                LocalDate first = today.withDayOfMonth(1).minusMonths(1);
                yield new Range(first, first.withDayOfMonth(first.lengthOfMonth()), false);
            }
            case "year" -> new Range(today.withDayOfYear(1), today, true);
            default -> new Range(today.minusDays(6), today, false);
        };
    }

    private static LocalDate day(String text, LocalDate fallback) {
        java.time.Instant at = Json.parseDate(text);
        return at == null ? fallback : LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private RestResponse sales(RestRequest r) {
        Range range = range(r);
        Map<String, ObjectNode> totals = new LinkedHashMap<>();
        for (String key : range.buckets()) {
            ObjectNode bucket = Json.object();
            bucket.put("sales", "0.00").put("orders", 0).put("items", 0).put("tax", "0.00").put("shipping", "0.00")
                    .put("discount", "0.00").put("customers", 0);
            totals.put(key, bucket);
        }
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal shipping = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal refunds = BigDecimal.ZERO;
        int orders = 0;
        int items = 0;
        for (ObjectNode order : store.orders.values()) {
            String created = Json.text(order, "date_created_gmt");
            if (!SALES_STATUSES.contains(Json.text(order, "status")) || !range.contains(created)) {
                continue;
            }
            int quantity = 0;
            for (JsonNode item : order.path("line_items")) {
                quantity += item.path("quantity").asInt();
            }
            BigDecimal total = Json.decimal(order, "total");
            BigDecimal orderShipping = Json.decimal(order, "shipping_total");
            ObjectNode bucket = totals.get(range.bucket(created));
            bucket.put("sales", Json.money(Json.decimal(bucket, "sales").add(total)));
            bucket.put("orders", bucket.get("orders").asInt() + 1);
            bucket.put("items", bucket.get("items").asInt() + quantity);
            bucket.put("shipping", Json.money(Json.decimal(bucket, "shipping").add(orderShipping)));
            bucket.put("discount",
                    Json.money(Json.decimal(bucket, "discount").add(Json.decimal(order, "discount_total"))));
            gross = gross.add(total);
            orders++;
            items += quantity;
            discount = discount.add(Json.decimal(order, "discount_total"));
            // A fully refunded order gives its shipping back; partial refunds only their amount.
            shipping = shipping.add("refunded".equals(Json.text(order, "status")) ? BigDecimal.ZERO : orderShipping);
            refunds = refunds.add(Orders.refunded(store, order.get("id").asInt()));
        }
        BigDecimal totalSales = gross.subtract(refunds);
        BigDecimal net = totalSales.subtract(shipping);
        ObjectNode report = Json.object();
        report.put("total_sales", Json.money(totalSales));
        report.put("net_sales", Json.money(net));
        report.put("average_sales", Json.money(net.divide(BigDecimal.valueOf(totals.size()), 2,
                java.math.RoundingMode.HALF_UP)));
        report.put("total_orders", orders);
        report.put("total_items", items);
        report.put("total_tax", "0.00");
        report.put("total_shipping", Json.money(shipping));
        report.set("total_refunds", Json.number(refunds));
        report.put("total_discount", Json.money(discount));
        report.put("totals_grouped_by", range.byMonth() ? "month" : "day");
        ObjectNode byDate = report.putObject("totals");
        totals.forEach(byDate::set);
        report.put("total_customers", 0);
        report.putObject("_links").set("about", Json.link(store.api("/reports")));
        ArrayNode body = Json.array();
        body.add(report);
        return RestResponse.ok(body);
    }

    /** Quantities per product (variations count for their parent) net of refunded items; most sold first. */
    private RestResponse topSellers(RestRequest r) {
        Range range = range(r);
        Map<Integer, Integer> quantities = new LinkedHashMap<>();
        for (ObjectNode order : store.orders.values()) {
            if (!TOP_SELLER_STATUSES.contains(Json.text(order, "status"))
                    || !range.contains(Json.text(order, "date_created_gmt"))) {
                continue;
            }
            for (JsonNode item : order.path("line_items")) {
                quantities.merge(item.path("product_id").asInt(), item.path("quantity").asInt(), Integer::sum);
            }
            for (Store.Owned refund : store.refundsOf(order.get("id").asInt())) {
                for (JsonNode item : refund.json().path("line_items")) {
                    quantities.merge(item.path("product_id").asInt(), item.path("quantity").asInt(), Integer::sum);
                }
            }
        }
        List<Map.Entry<Integer, Integer>> ranked = new ArrayList<>();
        quantities.entrySet().stream().filter(e -> e.getValue() > 0).forEach(ranked::add);
        ranked.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
        ArrayNode body = Json.array();
        for (Map.Entry<Integer, Integer> e : ranked.subList(0, Math.min(TOP_SELLERS_LIMIT, ranked.size()))) {
            ObjectNode product = store.products.get(e.getKey());
            ObjectNode row = body.addObject();
            row.put("name", product == null ? "" : Json.text(product, "name"));
            row.put("product_id", e.getKey());
            row.put("quantity", e.getValue());
            ObjectNode links = row.putObject("_links");
            links.set("about", Json.link(store.api("/reports")));
            links.set("product", Json.link(store.api("/products/" + e.getKey())));
        }
        return RestResponse.ok(body);
    }

    private static RestResponse totals(List<Object[]> rows) {
        ArrayNode body = Json.array();
        for (Object[] row : rows) {
            body.addObject().put("slug", (String) row[0]).put("name", (String) row[1]).put("total", (Integer) row[2]);
        }
        return RestResponse.ok(body);
    }

    private List<Object[]> orderTotals() {
        List<Object[]> rows = new ArrayList<>();
        String[][] statuses = {{"pending", "Pending payment"}, {"processing", "Processing"},
                {"on-hold", "On hold"}, {"completed", "Completed"}, {"cancelled", "Cancelled"},
                {"refunded", "Refunded"}, {"failed", "Failed"}, {"checkout-draft", "Draft"}};
        for (String[] s : statuses) {
            int count = 0;
            for (ObjectNode order : store.orders.values()) {
                if (s[0].equals(Json.text(order, "status"))) {
                    count++;
                }
            }
            rows.add(new Object[]{s[0], s[1], count});
        }
        return rows;
    }

    private List<Object[]> productTotals() {
        List<Object[]> rows = new ArrayList<>();
        String[][] types = {{"external", "External/Affiliate product"}, {"grouped", "Grouped product"},
                {"simple", "Simple product"}, {"variable", "Variable product"}};
        for (String[] t : types) {
            int count = 0;
            for (ObjectNode p : store.products.values()) {
                if (t[0].equals(Json.text(p, "type")) && !"trash".equals(Json.text(p, "status"))) {
                    count++;
                }
            }
            rows.add(new Object[]{t[0], t[1], count});
        }
        return rows;
    }

    private List<Object[]> customerTotals() {
        int paying = 0;
        int all = 0;
        for (ObjectNode c : store.customers.values()) {
            if (Set.of("administrator", "shop_manager").contains(Json.text(c, "role"))) {
                continue;
            }
            all++;
            if (c.path("is_paying_customer").asBoolean()) {
                paying++;
            }
        }
        return List.of(new Object[]{"paying", "Paying customer", paying},
                new Object[]{"non_paying", "Non-paying customer", all - paying});
    }

    private List<Object[]> couponTotals() {
        List<Object[]> rows = new ArrayList<>();
        String[][] types = {{"percent", "Percentage discount"}, {"fixed_cart", "Fixed cart discount"},
                {"fixed_product", "Fixed product discount"}};
        for (String[] t : types) {
            int count = 0;
            for (ObjectNode c : store.coupons.values()) {
                if (t[0].equals(Json.text(c, "discount_type"))) {
                    count++;
                }
            }
            rows.add(new Object[]{t[0], t[1], count});
        }
        return rows;
    }

    /** The demo store has no product reviews. */
    private static List<Object[]> reviewTotals() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            rows.add(new Object[]{"rated_" + i + "_out_of_5", "Rated " + i + " out of 5", 0});
        }
        return rows;
    }
}
