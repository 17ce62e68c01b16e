package io.csc.gateway.content;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.StoreTimeZoneService;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.StorePages;
import io.smallrye.mutiny.Uni;

/**
 * What a shopper asks about the store itself, from its own settings: address, currency and time zone (general
 * settings and the site index), the currency format prices are written in (symbol, its position, separators,
 * decimals), shipping zones with their countries and methods, the enabled payment methods (titles,
 * as checkout shows them), and which pages hold the refund and returns, shipping, privacy and terms policies (found by
 * slug or title). For the chat's store knowledge; live facts (stock, orders) are never taken from here.
 */
@ApplicationScoped
public class StoreProfileService {
    private final WooCommerceApi woo;
    private final StoreTimeZoneService zones;

    private final StoreCache cache;
    private final GatewayConfig config;

    public StoreProfileService(WooCommerceApi woo, StoreTimeZoneService zones, StoreCache cache, GatewayConfig config) {
        this.woo = woo;
        this.zones = zones;
        this.cache = cache;
        this.config = config;
    }

    /**
     * The store's price format alone, cached ({@code gateway.cache.settings}): chat-service formats card prices with
     * it on every reply, so it must not cost a call to the store each time.
     */
    public Uni<PriceFormat> priceFormat(ActiveTenant tenant) {
        return cache.get(tenant.domain(), StoreCache.Kind.SETTINGS, "price-format", config.cache().settings(),
                PriceFormat.class, () -> general(tenant).map(StoreProfileService::priceFormat));
    }

    /**
     * WooCommerce's shop, cart, checkout and account pages, found among the site's pages by the slugs WooCommerce gives
     * them when it creates them (in English and in the German, Spanish and French translations), cached like the
     * settings. A site that refuses its content API (4xx) answers {@link StorePages#NONE}; a store failure is an error (not
     * cached).
     */
    public Uni<StorePages> pages(ActiveTenant tenant) {
        return cache.get(tenant.domain(), StoreCache.Kind.SETTINGS, "pages", config.cache().settings(), StorePages.class,
                () -> woo.listWordPressContent(tenant, "pages", Map.of("per_page", 100, "_fields", "id,slug,link"))
                        .map(r -> shopPages(r.items()))
                        .onFailure(e -> e instanceof WooException w
                                && (w.kind() == WooException.Kind.REJECTED || w.kind() == WooException.Kind.AUTH))
                        .recoverWithItem(StorePages.NONE));
    }

    static StorePages shopPages(List<JsonNode> pages) {
        return new StorePages(link(pages, "shop", "boutique", "tienda"), link(pages, "cart", "warenkorb", "carrito", "panier"),
                link(pages, "checkout", "kasse", "finalizar-compra", "commande", "validation-de-la-commande"),
                link(pages, "my-account", "mein-konto", "mi-cuenta", "mon-compte"));
    }

    private static String link(List<JsonNode> pages, String... slugs) {
        for (String slug : slugs) {
            for (JsonNode p : pages) {
                if (slug.equals(p.path("slug").asText()) && !p.path("link").asText("").isBlank()) {
                    return p.path("link").asText();
                }
            }
        }
        return null;
    }

    private Uni<Map<String, String>> general(ActiveTenant tenant) {
        return woo.getSettingsOptions(tenant, "general").map(r -> {
            Map<String, String> values = new LinkedHashMap<>();
            r.items().forEach(o -> values.put(o.path("id").asText(), o.path("value").asText("")));
            return values;
        });
    }

    public record Address(String address1, String address2, String city, String postcode, String country, String state) {
    }

    public record ShippingMethod(String title, String methodId, boolean enabled, String cost, String minAmount) {
    }

    public record ShippingZone(long id, String name, List<String> locations, List<ShippingMethod> methods) {
    }

    public record PageRef(long id, String title, String link) {
    }

    public record StoreProfile(String domain, String storeName, String url, Address address, String currency,
            PriceFormat priceFormat, String timezone, List<ShippingZone> shippingZones, List<String> paymentMethods,
            Map<String, PageRef> policyPages) {
    }

    public Uni<StoreProfile> profile(ActiveTenant tenant) {
        Uni<Map<String, String>> general = general(tenant);
        Uni<List<ShippingZone>> shipping = woo.listShippingZones(tenant).chain(r -> zones(tenant, r.items()));
        Uni<List<String>> payments = woo.listPaymentGateways(tenant).map(r -> r.items().stream()
                .filter(g -> g.path("enabled").asBoolean(false)).map(g -> g.path("title").asText()).toList());
        Uni<Map<String, PageRef>> pages = woo
                .listWordPressContent(tenant, "pages", Map.of("per_page", 100, "_fields", "id,slug,link,title"))
                .map(r -> policyPages(r.items()))
                .onFailure().recoverWithItem(Map.of()); // a site may hide its content API; the rest still answers
        Uni<Optional<ZoneId>> zone = zones.zoneOf(tenant);
        return Uni.combine().all().unis(general, shipping, payments, pages, zone).asTuple().map(t -> {
            Map<String, String> g = t.getItem1();
            String[] country = g.getOrDefault("woocommerce_default_country", "").split(":", 2);
            Address address = new Address(g.get("woocommerce_store_address"), g.get("woocommerce_store_address_2"),
                    g.get("woocommerce_store_city"), g.get("woocommerce_store_postcode"), blankToNull(country[0]),
                    country.length > 1 ? blankToNull(country[1]) : null);
            return new StoreProfile(tenant.domain(), tenant.storeName(), tenant.storeUrl().toString(), address,
                    g.get("woocommerce_currency"), priceFormat(g), t.getItem5().map(ZoneId::getId).orElse(null), t.getItem2(),
                    t.getItem3(), t.getItem4());
        });
    }

    /** The store's currency format from its general settings, read as WooCommerce's REST API returns them (strings). */
    static PriceFormat priceFormat(Map<String, String> general) {
        return PriceFormat.of(general.get("woocommerce_currency"), general.get("woocommerce_currency_pos"),
                general.get("woocommerce_price_thousand_sep"), general.get("woocommerce_price_decimal_sep"),
                general.get("woocommerce_price_num_decimals"));
    }

    private Uni<List<ShippingZone>> zones(ActiveTenant tenant, List<JsonNode> zoneList) {
        if (zoneList.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<ShippingZone>> each = new ArrayList<>();
        for (JsonNode zone : zoneList) {
            long id = zone.path("id").asLong();
            Uni<List<String>> locations = woo.listShippingZoneLocations(tenant, id)
                    .map(r -> r.items().stream().map(l -> l.path("code").asText()).toList());
            Uni<List<ShippingMethod>> methods = woo.listShippingZoneMethods(tenant, id)
                    .map(r -> r.items().stream().map(StoreProfileService::method).toList());
            each.add(Uni.combine().all().unis(locations, methods).asTuple()
                    .map(t -> new ShippingZone(id, zone.path("name").asText(), t.getItem1(), t.getItem2())));
        }
        return Uni.join().all(each).andFailFast();
    }

    private static ShippingMethod method(JsonNode m) {
        JsonNode settings = m.path("settings");
        return new ShippingMethod(m.path("title").asText(), m.path("method_id").asText(), m.path("enabled").asBoolean(),
                blankToNull(settings.path("cost").path("value").asText(null)),
                blankToNull(settings.path("min_amount").path("value").asText(null)));
    }

    /** The first page whose slug or title names each policy. */
    static Map<String, PageRef> policyPages(List<JsonNode> pages) {
        Map<String, String[]> words = new LinkedHashMap<>();
        words.put("refundReturns", new String[]{"refund", "return"});
        words.put("shipping", new String[]{"shipping", "delivery"});
        words.put("privacy", new String[]{"privacy"});
        words.put("terms", new String[]{"terms", "conditions"});
        Map<String, PageRef> found = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> policy : words.entrySet()) {
            for (JsonNode page : pages) {
                String name = (page.path("slug").asText("") + " " + page.path("title").path("rendered").asText(""))
                        .toLowerCase(Locale.ROOT);
                boolean matches = false;
                for (String word : policy.getValue()) {
                    matches |= name.contains(word);
                }
                if (matches) {
                    found.put(policy.getKey(), new PageRef(page.path("id").asLong(),
                            page.path("title").path("rendered").asText(), page.path("link").asText(null)));
                    break;
                }
            }
        }
        return found;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
