package io.csc.demostore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The shop a shopper sees: {@code /} (every product, with its picture, price and stock), a page per product at the
 * permalink the REST API reports ({@code /product/<slug>/}), the cart page ({@code /cart/}: the browser's Store API
 * cart), the product pictures shipped in the jar
 * ({@code /wp-content/uploads/demo/<slug>.svg}, drawn by {@code tools/generate_images.py}) and one stylesheet. With a
 * chat URL ({@link DemoStoreOptions#chatUrl}) every page embeds the widget as the WordPress plugin does: a config
 * script with the Store API root and nonce (so the chat's Add to cart fills this store's cart), then
 * {@code <chat>/embed.js}. No inline script or style: the pages carry a strict Content-Security-Policy.
 */
final class Storefront {
    private static final Pattern PRODUCT = Pattern.compile("/product/([a-z0-9-]+)/?");
    private static final Pattern IMAGE = Pattern.compile("/wp-content/uploads/demo/([a-z0-9-]+)\\.svg");
    private static final String CSS = "body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff}"
            + "header{background:#1f2937;color:#fff;padding:12px 24px}header a{color:#fff;text-decoration:none;font-weight:700}"
            + "main{max-width:1000px;margin:0 auto;padding:24px}ul.grid{list-style:none;padding:0;display:grid;"
            + "grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:20px}.grid img,.product img{width:100%;"
            + "height:auto;border-radius:8px;background:#f3f4f6}.grid h2{font-size:17px;margin:8px 0 4px}"
            + "a{color:#1e40af}del{color:#4b5563}ins{text-decoration:none;font-weight:700}.out{color:#b91c1c}"
            + ".product{display:grid;grid-template-columns:minmax(0,400px) 1fr;gap:32px}"
            + "@media(max-width:640px){.product{grid-template-columns:1fr}}"
            + ".screen-reader-text{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}";

    private final Store store;
    private final StoreApi storeApi;
    private final String chatUrl;

    Storefront(Store store, StoreApi storeApi, String chatUrl) {
        this.store = store;
        this.storeApi = storeApi;
        this.chatUrl = chatUrl;
    }

    /** True when it answered (a storefront path); the REST API handles the rest. */
    boolean handle(RoutingContext ctx) {
        // WordPress answers ?rest_route=/wc/v3/... on any path: that is the REST API's, not a page.
        if (!"GET".equals(ctx.request().method().name()) || ctx.request().getParam("rest_route") != null) {
            return false;
        }
        String path = ctx.request().path();
        Matcher m;
        synchronized (store) {
            if ("/".equals(path) || "/shop/".equals(path)) {
                page(ctx, 200, "Demo Store", null, shop());
            } else if ((m = PRODUCT.matcher(path)).matches()) {
                ObjectNode p = bySlug(m.group(1));
                if (p == null) {
                    page(ctx, 404, "Page not found", null, "<h1>Page not found</h1><p><a href=\"/\">Back to the shop</a></p>");
                } else {
                    page(ctx, 200, Json.text(p, "name"), p, product(p));
                }
            } else if ("/cart/".equals(path) || "/cart".equals(path)) {
                page(ctx, 200, "Cart", null, cart(storeApi.cartOf(ctx)));
            } else if ((m = IMAGE.matcher(path)).matches() && bySlug(m.group(1)) != null) {
                ctx.response().putHeader("Content-Type", "image/svg+xml")
                        .putHeader("Cache-Control", "public, max-age=86400").end(Buffer.buffer(image(m.group(1))));
            } else if ("/wp-content/themes/demo/style.css".equals(path)) {
                ctx.response().putHeader("Content-Type", "text/css").end(CSS);
            } else if ("/csc-widget-config.js".equals(path) && chatUrl != null) {
                ctx.response().putHeader("Content-Type", "text/javascript").putHeader("Cache-Control", "no-store")
                        .end("window.ChatWidgetConfig = " + Json.write(config(ctx.request().getParam("product"))) + ";\n");
            } else {
                return false;
            }
        }
        return true;
    }

    private ObjectNode config(String productId) {
        ObjectNode c = Json.object().put("serverUrl", chatUrl).put("domain", host(store.siteUrl()));
        c.putObject("storeApi").put("root", store.siteUrl() + StoreApi.PREFIX + "/").put("nonce", storeApi.nonce());
        ObjectNode page = c.putObject("page");
        if (productId != null && productId.matches("\\d+")) {
            page.put("type", "product").put("productId", Integer.parseInt(productId));
        } else {
            page.put("type", "other");
        }
        return c;
    }

    private static String host(String url) {
        return url.replaceFirst("^https?://", "").replaceFirst("[:/].*$", "");
    }

    private ObjectNode bySlug(String slug) {
        for (ObjectNode p : store.products.values()) {
            if (slug.equals(Json.text(p, "slug")) && "publish".equals(Json.text(p, "status"))) {
                return p;
            }
        }
        return null;
    }

    private String shop() {
        StringBuilder s = new StringBuilder("<h1>Shop</h1><ul class=\"grid\">");
        for (ObjectNode p : store.products.values()) {
            if (!"publish".equals(Json.text(p, "status"))) {
                continue;
            }
            String slug = Json.text(p, "slug");
            s.append("<li><a href=\"/product/").append(slug).append("/\"><img src=\"").append(imageUrl(slug))
                    .append("\" alt=\"\" width=\"400\" height=\"400\" loading=\"lazy\"><h2>")
                    .append(esc(Json.text(p, "name"))).append("</h2></a>").append(price(p)).append(stock(p))
                    .append("</li>");
        }
        return s.append("</ul>").toString();
    }

    private String product(ObjectNode p) {
        String name = esc(Json.text(p, "name"));
        StringBuilder s = new StringBuilder("<p><a href=\"/\">Shop</a></p><div class=\"product\"><img src=\"")
                .append(imageUrl(Json.text(p, "slug"))).append("\" alt=\"").append(name)
                .append("\" width=\"400\" height=\"400\"><div><h1>").append(name).append("</h1>").append(price(p))
                .append(stock(p)).append("<p>").append(esc(strip(Json.text(p, "description")))).append("</p>");
        List<ObjectNode> vars = store.variationsOf(p.path("id").asInt());
        if (!vars.isEmpty()) {
            s.append("<h2>Options</h2><ul>");
            for (ObjectNode v : vars) {
                StringBuilder label = new StringBuilder();
                v.path("attributes").forEach(a -> label.append(label.isEmpty() ? "" : " / ").append(a.path("option").asText()));
                s.append("<li>").append(esc(label.toString())).append(": ")
                        .append(esc(StoreApi.formatted(store, Json.text(v, "price")))).append(", ")
                        .append(stockText(Json.text(v, "stock_status"))).append("</li>");
            }
            s.append("</ul>");
        }
        return s.append("<p>SKU: ").append(esc(Json.text(p, "sku"))).append("</p></div></div>").toString();
    }

    /** WooCommerce's cart page ({@code /cart/}, the permalink of the seeded "Cart" page): the session's Store API cart. */
    private String cart(ObjectNode cart) {
        StringBuilder s = new StringBuilder("<h1>Cart</h1>");
        if (cart.path("items").isEmpty()) {
            return s.append("<p>Your cart is currently empty.</p><p><a href=\"/\">Return to shop</a></p>").toString();
        }
        int decimals = cart.path("totals").path("currency_minor_unit").asInt(2);
        s.append("<table><thead><tr><th scope=\"col\">Product</th><th scope=\"col\">Quantity</th>")
                .append("<th scope=\"col\">Subtotal</th></tr></thead><tbody>");
        for (JsonNode item : cart.path("items")) {
            StringBuilder name = new StringBuilder(item.path("name").asText());
            item.path("variation").forEach(v -> name.append(name.indexOf(" – ") < 0 ? " – " : " / ")
                    .append(v.path("value").asText()));
            s.append("<tr><td>").append(esc(name.toString())).append("</td><td>").append(item.path("quantity").asInt())
                    .append("</td><td>").append(esc(StoreApi.formatted(store, major(item.path("totals")
                            .path("line_total").asText("0"), decimals))))
                    .append("</td></tr>");
        }
        return s.append("</tbody></table><p><strong>Total: ")
                .append(esc(StoreApi.formatted(store, major(cart.path("totals").path("total_price").asText("0"), decimals))))
                .append("</strong></p>").toString();
    }

    private static String major(String minor, int decimals) {
        return new java.math.BigDecimal(minor).movePointLeft(decimals).toPlainString();
    }

    private String price(ObjectNode p) {
        String price = Json.text(p, "price");
        if (price.isEmpty()) {
            List<ObjectNode> vars = store.variationsOf(p.path("id").asInt());
            price = vars.stream().map(v -> Json.text(v, "price")).filter(x -> !x.isEmpty())
                    .min((a, b) -> new java.math.BigDecimal(a).compareTo(new java.math.BigDecimal(b))).orElse("");
            return price.isEmpty() ? "" : "<p>From " + esc(StoreApi.formatted(store, price)) + "</p>";
        }
        String regular = Json.text(p, "regular_price");
        if (p.path("on_sale").asBoolean(false) && !regular.isEmpty() && !regular.equals(price)) {
            return "<p><del><span class=\"screen-reader-text\">Original price was: </span>"
                    + esc(StoreApi.formatted(store, regular)) + "</del> <ins>" + esc(StoreApi.formatted(store, price))
                    + "</ins></p>";
        }
        return "<p>" + esc(StoreApi.formatted(store, price)) + "</p>";
    }

    private static String stock(ObjectNode p) {
        String status = Json.text(p, "stock_status");
        JsonNode q = p.get("stock_quantity");
        String text = "instock".equals(status) && q != null && q.isNumber() && q.asInt() <= 5
                ? "Only " + q.asInt() + " left in stock"
                : stockText(status);
        return "<p class=\"" + ("outofstock".equals(status) ? "out" : "stock") + "\">" + text + "</p>";
    }

    private static String stockText(String status) {
        return switch (status) {
            case "outofstock" -> "Out of stock";
            case "onbackorder" -> "Available on backorder";
            default -> "In stock";
        };
    }

    private String imageUrl(String slug) {
        return "/wp-content/uploads/demo/" + slug + ".svg";
    }

    private void page(RoutingContext ctx, int status, String title, ObjectNode product, String main) {
        String chat = chatUrl == null ? "" : chatUrl;
        String scripts = chatUrl == null
                ? ""
                : "<script src=\"/csc-widget-config.js" + (product == null ? "" : "?product=" + product.path("id").asInt())
                        + "\"></script><script src=\"" + esc(chatUrl) + "/embed.js\"></script>";
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + esc(title) + " – Demo Store</title>"
                + "<link rel=\"stylesheet\" href=\"/wp-content/themes/demo/style.css\"></head><body><header>"
                + "<a href=\"/\">Demo Store</a></header><main>" + main + "</main>" + scripts + "</body></html>";
        ctx.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Content-Security-Policy", "default-src 'none'; script-src 'self' " + chat
                        + "; connect-src 'self' " + chat + "; img-src 'self'; style-src 'self'; base-uri 'none'; "
                        + "form-action 'self'; frame-ancestors 'none'")
                .end(html);
    }

    private static String strip(String html) {
        return html.replaceAll("<[^>]*>", " ").replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static byte[] image(String slug) {
        try (InputStream in = Storefront.class.getClassLoader()
                .getResourceAsStream("demo-store/images/" + slug + ".svg")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
