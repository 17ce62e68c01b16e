package io.csc.demostore;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * WooCommerce's Store API cart as a guest's browser uses it ({@code storeapi_*} recordings): {@code GET /cart} and
 * {@code POST /cart/add-item}. Every answer carries {@code Nonce}, {@code Cart-Token}, {@code Cart-Hash} and
 * {@code User-ID: 0}; a write needs the {@code Nonce} header (missing: 401 {@code woocommerce_rest_missing_nonce},
 * wrong: 403 {@code woocommerce_rest_invalid_nonce}); a guest's nonce is the same for every session, as on the
 * recorded store. The cart belongs to the session cookie (set by the first write, as WooCommerce does) or to a
 * {@code Cart-Token} header. A variation is chosen by attribute label and value ({@code [{"attribute": "Color",
 * "value": "Blue"}]}); prices and totals are strings in minor units with the store's currency fields, read from its
 * general settings. Not modelled: coupons, shipping rates (totals without shipping), taxes, quantity limits.
 */
final class StoreApi {
    static final String PREFIX = "/wp-json/wc/store/v1";
    static final String SESSION_COOKIE = "wp_woocommerce_session_demo";

    private final Store store;
    private final SecureRandom random = new SecureRandom();
    private final String nonce;
    /** Cart token -> lines (insertion order, keyed like WooCommerce's cart item keys). */
    private final Map<String, LinkedHashMap<String, Line>> carts = new HashMap<>();

    private record Line(int productId, int variationId, List<String[]> variation, int quantity) {
    }

    StoreApi(Store store) {
        this.store = store;
        byte[] b = new byte[5];
        random.nextBytes(b);
        this.nonce = HexFormat.of().formatHex(b);
    }

    String nonce() {
        return nonce;
    }

    void reset() {
        synchronized (store) {
            carts.clear();
        }
    }

    void handle(RoutingContext ctx) {
        String path = ctx.request().path().substring(PREFIX.length());
        String method = ctx.request().method().name();
        String token = ctx.request().getHeader("Cart-Token");
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        if ((token == null || token.isBlank()) && cookie != null) {
            token = cookie.getValue();
        }
        // A token this store could have issued is kept (a client may send back the one a GET gave it).
        if (token == null || !token.matches("t_[0-9a-f]{30}")) {
            token = newToken();
        }
        int status;
        JsonNode body;
        synchronized (store) {
            LinkedHashMap<String, Line> cart = carts.getOrDefault(token, new LinkedHashMap<>());
            if ("/cart".equals(path) && "GET".equals(method)) {
                status = 200;
                body = cart(cart);
            } else if ("/cart/add-item".equals(path) && "POST".equals(method)) {
                ObjectNode error = addItem(ctx, cart);
                if (error == null) {
                    carts.put(token, cart);
                    ctx.response().addCookie(Cookie.cookie(SESSION_COOKIE, token).setPath("/").setHttpOnly(true)
                            .setSameSite(CookieSameSite.LAX));
                    status = 201;
                    body = cart(cart);
                } else {
                    status = error.path("data").path("status").asInt();
                    body = error;
                }
            } else if ("/cart".equals(path) || "/cart/add-item".equals(path)) {
                status = 405;
                body = error(405, "rest_no_route", "No route was found matching the URL and request method.");
            } else {
                status = 404;
                body = error(404, "rest_no_route", "No route was found matching the URL and request method.");
            }
        }
        HttpServerResponse out = ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .putHeader("Nonce", nonce).putHeader("User-ID", "0").putHeader("Cart-Token", token)
                .putHeader("Cart-Hash", hash(carts.get(token)))
                .putHeader("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private");
        out.end(Json.write(body));
    }

    /** The Store API cart of a browser's session cookie (empty without one), for the storefront's cart page. */
    ObjectNode cartOf(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(SESSION_COOKIE);
        synchronized (store) {
            Map<String, Line> lines = cookie == null ? null : carts.get(cookie.getValue());
            return cart(lines == null ? new LinkedHashMap<>() : lines);
        }
    }

    /** Null when added; else WooCommerce's error (params first, then the nonce, then the product). */
    private ObjectNode addItem(RoutingContext ctx, LinkedHashMap<String, Line> cart) {
        JsonNode req;
        try {
            String raw = ctx.body().asString();
            req = raw == null || raw.isBlank() ? Json.object() : Json.MAPPER.readTree(raw);
        } catch (JsonProcessingException e) {
            return error(400, "rest_invalid_json", "Invalid JSON body passed.");
        }
        if (!req.hasNonNull("id")) {
            return error(400, "rest_missing_callback_param", "Missing parameter(s): id");
        }
        String sent = ctx.request().getHeader("Nonce");
        if (sent == null || sent.isEmpty()) {
            return error(401, "woocommerce_rest_missing_nonce",
                    "Missing the Nonce header. This endpoint requires a valid nonce.");
        }
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8))) {
            return error(403, "woocommerce_rest_invalid_nonce", "Nonce is invalid.");
        }
        int id = req.path("id").asInt();
        int quantity = Math.max(1, req.path("quantity").asInt(1));
        ObjectNode product = store.products.get(id);
        ObjectNode variation = store.variations.get(id);
        if (product == null && variation != null) {
            product = store.products.get(variation.path("parent_id").asInt());
        } else {
            variation = null;
        }
        if (product == null || !"publish".equals(Json.text(product, "status"))) {
            return error(400, "woocommerce_rest_cart_invalid_product",
                    "Product with ID &quot;" + id + "&quot; was not found and cannot be added to the cart.");
        }
        List<String[]> chosen = new ArrayList<>();
        if ("variable".equals(Json.text(product, "type"))) {
            if (variation == null) {
                variation = match(product.path("id").asInt(), req.path("variation"));
            }
            if (variation == null) {
                return error(400, "woocommerce_rest_variation_id_from_variation_data", "No matching variation found.");
            }
            for (JsonNode a : variation.path("attributes")) {
                chosen.add(new String[]{a.path("name").asText(), a.path("option").asText()});
            }
        }
        ObjectNode stocked = variation != null ? variation : product;
        String name = Json.text(product, "name");
        if ("outofstock".equals(Json.text(stocked, "stock_status"))) {
            return error(400, "woocommerce_rest_product_out_of_stock",
                    "You cannot add &quot;" + name + "&quot; to the cart because the product is out of stock.");
        }
        int variationId = variation == null ? 0 : variation.path("id").asInt();
        String key = md5(product.path("id").asInt() + "_" + variationId);
        Line line = cart.get(key);
        int total = quantity + (line == null ? 0 : line.quantity());
        JsonNode stock = stocked.get("stock_quantity");
        if (stocked.path("manage_stock").asBoolean(false) && stock != null && stock.isNumber()
                && !stocked.path("backorders_allowed").asBoolean(false) && total > stock.asInt()) {
            return error(400, "woocommerce_rest_product_partially_out_of_stock", "You cannot add that amount of &quot;"
                    + name + "&quot; to the cart because there is not enough stock (" + stock.asInt() + " remaining).");
        }
        cart.put(key, new Line(product.path("id").asInt(), variationId, chosen, total));
        return null;
    }

    /** The variation whose every attribute matches the request by label (or slug) and value, case-insensitively. */
    private ObjectNode match(int parentId, JsonNode wanted) {
        Map<String, String> asked = new HashMap<>();
        for (JsonNode w : wanted) {
            asked.put(norm(w.path("attribute").asText()), w.path("value").asText().toLowerCase(Locale.ROOT));
        }
        for (ObjectNode v : store.variationsOf(parentId)) {
            boolean all = v.path("attributes").size() > 0;
            for (JsonNode a : v.path("attributes")) {
                String value = asked.getOrDefault(norm(a.path("name").asText()),
                        asked.get(norm(a.path("slug").asText())));
                all &= a.path("option").asText().toLowerCase(Locale.ROOT).equals(value);
            }
            if (all) {
                return v;
            }
        }
        return null;
    }

    private static String norm(String attribute) {
        return attribute.toLowerCase(Locale.ROOT).replaceFirst("^attribute_", "").replaceFirst("^pa_", "");
    }

    private ObjectNode cart(Map<String, Line> cart) {
        ObjectNode currency = currency(store);
        int decimals = currency.path("currency_minor_unit").asInt();
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (Map.Entry<String, Line> e : cart.entrySet()) {
            Line l = e.getValue();
            ObjectNode product = store.products.get(l.productId());
            ObjectNode priced = l.variationId() == 0 ? product : store.variations.get(l.variationId());
            BigDecimal price = new BigDecimal(Json.text(priced, "price").isEmpty() ? "0" : Json.text(priced, "price"));
            BigDecimal line = price.multiply(BigDecimal.valueOf(l.quantity()));
            sum = sum.add(line);
            count += l.quantity();
            ObjectNode item = items.addObject().put("key", e.getKey())
                    .put("id", l.variationId() == 0 ? l.productId() : l.variationId())
                    .put("type", l.variationId() == 0 ? Json.text(product, "type") : "variation")
                    .put("quantity", l.quantity()).put("name", Json.text(product, "name"))
                    .put("sku", Json.text(priced, "sku")).put("permalink", Json.text(priced, "permalink"));
            item.set("images", product.path("images").deepCopy());
            ArrayNode variation = item.putArray("variation");
            l.variation().forEach(a -> variation.addObject().put("attribute", a[0]).put("value", a[1]));
            ObjectNode prices = item.putObject("prices").put("price", minor(price, decimals))
                    .put("regular_price", minor(decimal(priced, "regular_price", price), decimals))
                    .put("sale_price", minor(decimal(priced, "sale_price", price), decimals));
            prices.setAll(currency);
            ObjectNode totals = item.putObject("totals").put("line_subtotal", minor(line, decimals))
                    .put("line_subtotal_tax", "0").put("line_total", minor(line, decimals)).put("line_total_tax", "0");
            totals.setAll(currency);
        }
        body.putArray("coupons");
        body.putArray("fees");
        ObjectNode totals = body.putObject("totals").put("total_items", minor(sum, decimals))
                .put("total_items_tax", "0").put("total_fees", "0").put("total_fees_tax", "0")
                .put("total_discount", "0").put("total_discount_tax", "0").putNull("total_shipping")
                .putNull("total_shipping_tax").put("total_price", minor(sum, decimals)).put("total_tax", "0");
        totals.putArray("tax_lines");
        totals.setAll(currency);
        body.put("needs_payment", count > 0).put("needs_shipping", count > 0).put("items_count", count);
        body.putArray("errors");
        return body;
    }

    private static BigDecimal decimal(ObjectNode node, String field, BigDecimal fallback) {
        String v = Json.text(node, field);
        return v.isEmpty() ? fallback : new BigDecimal(v);
    }

    private static String minor(BigDecimal amount, int decimals) {
        return amount.movePointRight(decimals).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /** The currency fields of every Store API price, from the general settings (as WooCommerce derives them). */
    static ObjectNode currency(Store store) {
        Map<String, String> g = new HashMap<>();
        for (JsonNode o : store.settings.getOrDefault("general", Json.array())) {
            g.put(Json.text(o, "id"), Json.text(o, "value"));
        }
        String code = g.getOrDefault("woocommerce_currency", "USD");
        String symbol = switch (code) {
            case "USD", "CAD", "AUD", "NZD", "MXN" -> "$";
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "JPY" -> "¥";
            default -> code;
        };
        String pos = g.getOrDefault("woocommerce_currency_pos", "left");
        String prefix = switch (pos) {
            case "left" -> symbol;
            case "left_space" -> symbol + "\u00a0";
            default -> "";
        };
        String suffix = switch (pos) {
            case "right" -> symbol;
            case "right_space" -> "\u00a0" + symbol;
            default -> "";
        };
        int decimals;
        try {
            decimals = Integer.parseInt(g.getOrDefault("woocommerce_price_num_decimals", "2"));
        } catch (NumberFormatException e) {
            decimals = 2;
        }
        return Json.object().put("currency_code", code).put("currency_symbol", symbol)
                .put("currency_minor_unit", decimals)
                .put("currency_decimal_separator", g.getOrDefault("woocommerce_price_decimal_sep", "."))
                .put("currency_thousand_separator", g.getOrDefault("woocommerce_price_thousand_sep", ","))
                .put("currency_prefix", prefix).put("currency_suffix", suffix);
    }

    /** An amount ("1234.5") as the storefront prints it, in the store's currency format. */
    static String formatted(Store store, String amount) {
        ObjectNode c = currency(store);
        int decimals = c.path("currency_minor_unit").asInt();
        String plain = new BigDecimal(amount.isBlank() ? "0" : amount).setScale(decimals, RoundingMode.HALF_UP)
                .toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder n = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                n.append(Json.text(c, "currency_thousand_separator"));
            }
            n.append(whole.charAt(i));
        }
        if (dot >= 0) {
            n.append(Json.text(c, "currency_decimal_separator")).append(plain.substring(dot + 1));
        }
        return Json.text(c, "currency_prefix") + n + Json.text(c, "currency_suffix");
    }

    private static ObjectNode error(int status, String code, String message) {
        ObjectNode e = Json.object().put("code", code).put("message", message);
        e.putObject("data").put("status", status);
        return e;
    }

    private String newToken() {
        byte[] b = new byte[15];
        random.nextBytes(b);
        return "t_" + HexFormat.of().formatHex(b);
    }

    private static String hash(Map<String, Line> cart) {
        if (cart == null || cart.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        cart.forEach((k, l) -> s.append(k).append(':').append(l.quantity()).append(';'));
        return md5(s.toString());
    }

    private static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
