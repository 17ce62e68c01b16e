package io.csc.gateway.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.gateway.woo.WooMapper;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.commerce.ItemAvailabilityResponse;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StockProduct;
import io.csc.model.commerce.StockSearchRequest;
import io.smallrye.mutiny.Uni;

/** Public store data: products, searches and stock, read through the cache. */
@ApplicationScoped
public class CatalogService {
    private static final int SEARCH_LIMIT = 10;
    /** Variable products of one list page whose variations are read (a search asks for a handful). */
    static final int VARIATIONS_READ = 10;

    private final WooCommerceApi woo;
    private final StoreCache cache;
    private final GatewayConfig config;

    public CatalogService(WooCommerceApi woo, StoreCache cache, GatewayConfig config) {
        this.woo = woo;
        this.cache = cache;
        this.config = config;
    }

    /** The spec's stock lookup: by id, else by SKU, else by name (published products only). */
    public Uni<List<StockProduct>> stock(ActiveTenant tenant, StockSearchRequest request) {
        if (request.productId() != null) {
            long id = request.productId();
            return cache.getList(tenant.domain(), StoreCache.Kind.STOCK, "id:" + id, config.cache().stock(), StockProduct.class,
                    () -> woo.getProduct(tenant, id).map(r -> List.of(WooMapper.stock(r.body())))
                            .onFailure(e -> e instanceof WooException w && w.notFound()).recoverWithItem(List.of()));
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        String id;
        if (request.sku() != null && !request.sku().isBlank()) {
            filters.put("sku", request.sku().trim());
            id = "sku:" + StoreCache.queryId(request.sku().trim());
        } else {
            filters.put("search", request.productName().trim());
            filters.put("status", "publish");
            id = "q:" + StoreCache.queryId(request.productName().trim().toLowerCase(Locale.ROOT));
        }
        filters.put("per_page", SEARCH_LIMIT);
        return cache.getList(tenant.domain(), StoreCache.Kind.STOCK, id, config.cache().stock(), StockProduct.class,
                () -> woo.listProducts(tenant, filters).map(r -> r.items().stream().map(WooMapper::stock).toList()));
    }

    public Uni<List<ProductSummary>> search(ActiveTenant tenant, String search, String sku, String category, int limit) {
        return search(tenant, search, sku, category, limit, 1);
    }

    /**
     * One page ({@code page} from 1) of the published products matching the filters, {@code limit} (at most 50) a page:
     * a page shorter than {@code limit} is the last (past the last, WooCommerce answers an empty list).
     */
    public Uni<List<ProductSummary>> search(ActiveTenant tenant, String search, String sku, String category, int limit,
            int page) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("search", blankToNull(search));
        filters.put("sku", blankToNull(sku));
        filters.put("category", blankToNull(category));
        filters.put("status", "publish");
        filters.put("per_page", Math.max(1, Math.min(limit, 50)));
        if (page > 1) {
            filters.put("page", Math.min(page, 10_000));
        }
        String id = "search:" + StoreCache.queryId(filters.toString().toLowerCase(Locale.ROOT));
        return cache.getList(tenant.domain(), StoreCache.Kind.PRODUCTS, id, config.cache().products(), ProductSummary.class,
                () -> woo.listProducts(tenant, filters).chain(r -> withVariations(tenant, r.items())));
    }

    /**
     * The products of a list, each variable one with its variations as the store lists them
     * ({@code products/{id}/variations}: a product list carries only their ids), so a product card found by a search can
     * offer its options. Read concurrently for at most {@link #VARIATIONS_READ} variable products of a page; a product
     * whose variations the store refuses (4xx: deleted meanwhile) is kept without them; a store failure fails the list,
     * so no half-read list is cached.
     */
    private Uni<List<ProductSummary>> withVariations(ActiveTenant tenant, List<JsonNode> products) {
        List<Uni<ProductSummary>> each = new ArrayList<>();
        int variable = 0;
        for (JsonNode p : products) {
            if ("variable".equals(p.path("type").asText()) && variable++ < VARIATIONS_READ) {
                each.add(variations(tenant, p.path("id").asLong())
                        .onFailure(e -> e instanceof WooException w && w.kind() == WooException.Kind.REJECTED)
                        .recoverWithItem(List.of())
                        .map(v -> WooMapper.product(p, v)));
            } else {
                each.add(Uni.createFrom().item(WooMapper.product(p, List.of())));
            }
        }
        return each.isEmpty() ? Uni.createFrom().item(List.of()) : Uni.join().all(each).andFailFast();
    }

    private Uni<List<JsonNode>> variations(ActiveTenant tenant, long productId) {
        return woo.all(tenant, "variations.list", "products/" + productId + "/variations", Map.of("per_page", 100), 5);
    }

    /** One product with its variations; 404 {@code product_not_found} when the store has no such product. */
    public Uni<ProductSummary> product(ActiveTenant tenant, long id) {
        return cache.get(tenant.domain(), StoreCache.Kind.PRODUCTS, "id:" + id, config.cache().products(), ProductSummary.class,
                () -> woo.getProduct(tenant, id).chain(r -> {
                    JsonNode product = r.body();
                    if (!"variable".equals(product.path("type").asText())) {
                        return Uni.createFrom().item(WooMapper.product(product, List.of()));
                    }
                    return variations(tenant, id).map(variations -> WooMapper.product(product, variations));
                })).onFailure(e -> e instanceof WooException w && w.notFound())
                .transform(e -> io.csc.web.ApiException.notFound("product_not_found", "No such product"));
    }

    /** Availability of cart items, asked of the store concurrently; unknown items are not purchasable. */
    public Uni<ItemAvailabilityResponse> check(ActiveTenant tenant, ItemAvailabilityRequest request) {
        if (request.items().isEmpty()) {
            return Uni.createFrom().item(new ItemAvailabilityResponse(List.of()));
        }
        List<Uni<ItemAvailabilityResponse.ItemStock>> lookups = new ArrayList<>();
        for (ItemAvailabilityRequest.Item item : request.items()) {
            lookups.add(itemStock(tenant, item));
        }
        return Uni.join().all(lookups).andFailFast().map(ItemAvailabilityResponse::new);
    }

    private Uni<ItemAvailabilityResponse.ItemStock> itemStock(ActiveTenant tenant, ItemAvailabilityRequest.Item item) {
        String id = "item:" + item.productId() + ":" + item.variationId();
        return cache.get(tenant.domain(), StoreCache.Kind.STOCK, id, config.cache().stock(),
                ItemAvailabilityResponse.ItemStock.class,
                () -> (item.variationId() > 0
                        ? woo.getVariation(tenant, item.productId(), item.variationId())
                        : woo.getProduct(tenant, item.productId()))
                        .map(r -> new ItemAvailabilityResponse.ItemStock(item.productId(), item.variationId(),
                                r.body().path("name").asText(""), r.body().path("stock_status").asText("instock"),
                                r.body().path("stock_quantity").isNumber() ? r.body().path("stock_quantity").asInt() : null,
                                r.body().path("purchasable").asBoolean(true)
                                        && !"trash".equals(r.body().path("status").asText())))
                        .onFailure(e -> e instanceof WooException w && w.notFound())
                        .recoverWithItem(() -> new ItemAvailabilityResponse.ItemStock(item.productId(), item.variationId(), "",
                                "outofstock", 0, false)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
