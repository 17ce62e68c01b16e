package io.csc.chat.builtin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.tools.ToolResult;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.ProductSummary;
import io.smallrye.mutiny.Uni;

/**
 * Each store's product names and SKUs, for recognising a product in what a shopper writes (typos included). Filled
 * from the gateway's product list (live store data) and from every product a tool answers; kept for
 * {@code chat.builtin.catalog-ttl}.
 */
@ApplicationScoped
public class Catalogs {

    private record Cached(ProductMatcher matcher, long loadedAt) {
    }

    private static final int MAX_PRODUCTS = 5000;

    /** The gateway answers at most 50 products a call: enough for a store's names to be known from the first turn. */
    private static final int FIRST_LOAD = 50;

    private final GatewayClient gateway;
    private final long ttlNanos;
    private final Map<String, Cached> byDomain = new ConcurrentHashMap<>();

    public Catalogs(GatewayClient gateway, BuiltinConfig config) {
        this.gateway = gateway;
        this.ttlNanos = config.catalogTtl().toNanos();
    }

    /** The store's catalogue matcher; never fails (an unreachable store gives an empty catalogue, retried soon). */
    public Uni<ProductMatcher> of(TurnContext ctx) {
        Cached c = byDomain.get(ctx.domain());
        long now = System.nanoTime();
        if (c != null && now - c.loadedAt() < ttlNanos) {
            return Uni.createFrom().item(c.matcher());
        }
        // the product tool refuses an empty search (it is a shopper's question); the names come from the same
        // gateway route, cached there for 5 minutes
        return gateway.products(ctx.domain(), null, null, FIRST_LOAD).onFailure().recoverWithItem(List.of()).map(list -> {
            List<ProductMatcher.Entry> entries = list.stream()
                    .map(p -> new ProductMatcher.Entry(p.id(), p.name(), p.sku())).toList();
            if (entries.isEmpty() && c != null) {
                // keep what we knew; try again in a minute
                byDomain.put(ctx.domain(), new Cached(c.matcher(), now - ttlNanos + Duration.ofMinutes(1).toNanos()));
                return c.matcher();
            }
            ProductMatcher m = new ProductMatcher(entries);
            byDomain.put(ctx.domain(), new Cached(m,
                    entries.isEmpty() ? now - ttlNanos + Duration.ofSeconds(30).toNanos() : now));
            return m;
        });
    }

    /** Adds the products a search answered, so later mentions of them are recognised. */
    public void learn(TurnContext ctx, ToolResult r) {
        List<ProductMatcher.Entry> seen = entries(r);
        if (seen.isEmpty()) {
            return;
        }
        byDomain.computeIfPresent(ctx.domain(), (d, c) -> {
            Map<Long, ProductMatcher.Entry> all = new LinkedHashMap<>();
            c.matcher().entries().forEach(e -> all.put(e.id(), e));
            int before = all.size();
            seen.forEach(e -> all.putIfAbsent(e.id(), e));
            if (all.size() == before || all.size() > MAX_PRODUCTS) {
                return c;
            }
            return new Cached(new ProductMatcher(new ArrayList<>(all.values())), c.loadedAt());
        });
    }

    static List<ProductMatcher.Entry> entries(ToolResult r) {
        List<ProductMatcher.Entry> out = new ArrayList<>();
        if (r == null || !r.ok()) {
            return out;
        }
        if (r.data() instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof ProductSummary p) {
                    out.add(new ProductMatcher.Entry(p.id(), p.name(), p.sku()));
                }
            }
        } else if (r.data() instanceof ProductSummary p) {
            out.add(new ProductMatcher.Entry(p.id(), p.name(), p.sku()));
        }
        return out;
    }

    /**
     * The store's products with prices and stock, for reasoning over them (cheapest, on sale, under a price); the
     * gateway caches the list. Fails like the gateway does (the caller says the shop can't be reached).
     */
    public Uni<List<ProductSummary>> summaries(TurnContext ctx) {
        return gateway.products(ctx.domain(), null, null, FIRST_LOAD);
    }

    /** One product with its variations (colour, size and stock of each). */
    public Uni<ProductSummary> product(TurnContext ctx, long id) {
        return gateway.product(ctx.domain(), id);
    }

    /** How the store writes prices; WooCommerce's defaults when the gateway can't say. */
    public Uni<PriceFormat> priceFormat(TurnContext ctx) {
        return gateway.priceFormat(ctx.domain()).map(f -> f.orElse(PriceFormat.DEFAULT));
    }
}
