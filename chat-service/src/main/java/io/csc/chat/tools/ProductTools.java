package io.csc.chat.tools;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.model.commerce.ProductSummary;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;

/**
 * Public product data for anyone. Texts carry names, prices and availability only: store text (descriptions) stays in
 * {@code data}, as data, never as something an assistant would read out as instructions.
 */
@ApplicationScoped
public class ProductTools {
    static final int SEARCH_LIMIT = 5;
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,40}");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");

    private final GatewayClient gateway;
    private final ToolCalls calls;

    public ProductTools(GatewayClient gateway, ToolCalls calls) {
        this.gateway = gateway;
        this.calls = calls;
    }

    public Uni<ToolResult> search(TurnContext ctx, String query) {
        String tool = "search";
        if (query == null || query.isBlank()) {
            return calls.run(tool,
                    Uni.createFrom().item(ToolResult.of(tool, ToolResult.Status.INVALID, "What are you looking for?")));
        }
        return calls.run(tool, gateway.products(ctx.domain(), query.trim(), null, SEARCH_LIMIT).map(products -> {
            if (products.isEmpty()) {
                return ToolResult.of(tool, ToolResult.Status.NOT_FOUND, "Sorry, I couldn't find any products matching \""
                        + clip(query) + "\".");
            }
            String text = "Here is what I found:\n"
                    + products.stream().map(ProductTools::line).collect(Collectors.joining("\n"));
            return new ToolResult(tool, ToolResult.Status.OK, text, products, List.of(), null, sources(products));
        }));
    }

    public Uni<ToolResult> details(TurnContext ctx, long productId) {
        String tool = "details";
        return calls.run(tool, gateway.product(ctx.domain(), productId).map(p -> {
            StringBuilder text = new StringBuilder(line(p));
            String description = plain(p.shortDescription());
            if (!description.isEmpty()) {
                text.append("\n").append(description);
            }
            if (p.variations() != null && !p.variations().isEmpty()) {
                text.append("\nOptions: ").append(p.variations().stream()
                        .map(v -> String.join(", ", v.attributes() == null ? List.of() : v.attributes()) + " ("
                                + availability(v.stockStatus(), v.stockQuantity()) + ")")
                        .collect(Collectors.joining("; ")));
            }
            return new ToolResult(tool, ToolResult.Status.OK, text.toString(), p, List.of(), null, sources(List.of(p)));
        }).onFailure(ServiceRefusal.class).recoverWithItem(e -> ((ServiceRefusal) e).status() == 404
                ? ToolResult.of(tool, ToolResult.Status.NOT_FOUND, "Sorry, I couldn't find that product.")
                : ToolResult.unavailable(tool)));
    }

    /** Stock of a product named or given by SKU: an exact SKU first when the words look like one, then a search. */
    public Uni<ToolResult> stock(TurnContext ctx, String productNameOrSku) {
        String tool = "stock";
        if (productNameOrSku == null || productNameOrSku.isBlank()) {
            return calls.run(tool,
                    Uni.createFrom().item(ToolResult.of(tool, ToolResult.Status.INVALID, "Which product do you mean?")));
        }
        String q = productNameOrSku.trim();
        Uni<List<ProductSummary>> bySku = SKU.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)
                ? gateway.products(ctx.domain(), null, q, SEARCH_LIMIT)
                : Uni.createFrom().item(List.of());
        return calls.run(tool, bySku.flatMap(found -> found.isEmpty()
                ? gateway.products(ctx.domain(), q, null, SEARCH_LIMIT)
                : Uni.createFrom().item(found)).map(products -> {
                    if (products.isEmpty()) {
                        return ToolResult.of(tool, ToolResult.Status.NOT_FOUND,
                                "Sorry, I couldn't find a product called \"" + clip(q) + "\" in this store.");
                    }
                    List<ProductSummary> inStock = products.stream().filter(p -> !"outofstock".equals(p.stockStatus()))
                            .toList();
                    String text = inStock.isEmpty()
                            ? "Sorry, " + products.stream().map(ProductSummary::name).collect(Collectors.joining(", "))
                                    + (products.size() == 1 ? " is" : " are") + " currently out of stock."
                            : "Yes! We have the following available:\n" + products.stream().map(ProductTools::line)
                                    .collect(Collectors.joining("\n"));
                    return new ToolResult(tool, ToolResult.Status.OK, text, products, List.of(), null, sources(products));
                }));
    }

    /** The spec's "- Name: 12 in stock at 19.99". */
    static String line(ProductSummary p) {
        return "- " + p.name() + ": " + availability(p.stockStatus(), p.stockQuantity())
                + (p.price() == null || p.price().isBlank() ? "" : " at " + p.price())
                + (p.sku() == null || p.sku().isBlank() ? "" : " (SKU " + p.sku() + ")");
    }

    static String availability(String status, Integer quantity) {
        if ("outofstock".equals(status)) {
            return "out of stock";
        }
        if ("onbackorder".equals(status)) {
            return "available on backorder";
        }
        return quantity == null ? "in stock" : quantity + " in stock";
    }

    private static List<Source> sources(List<ProductSummary> products) {
        return products.stream().filter(p -> p.permalink() != null && !p.permalink().isBlank())
                .map(p -> new Source(p.permalink(), p.name(), 1.0)).toList();
    }

    private static String plain(String html) {
        if (html == null) {
            return "";
        }
        return TAGS.matcher(html).replaceAll(" ").replaceAll("\\s+", " ").trim();
    }

    private static String clip(String s) {
        String t = s.replaceAll("[\\r\\n]+", " ");
        return t.length() > 60 ? t.substring(0, 60) + "..." : t.toLowerCase(Locale.ROOT).equals(t) ? t : t;
    }
}
