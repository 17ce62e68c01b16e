package io.csc.chat.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.chat.client.GatewayClient;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.csc.web.ApiException;
import io.csc.web.PluginSignature;
import io.csc.web.SignedToken;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/** What the demo storefront's page asks the server: the shopper it plays, the store's products, its cart. */
@ApplicationScoped
public class DemoService {
    /** Identity tokens live as long as a WordPress page would keep one (the plugin signs one per page view). */
    static final Duration IDENTITY_TTL = Duration.ofHours(1);
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9._:-]{8,100}");
    private static final int MAX_LINES = 50;
    private static final int PRODUCT_LIMIT = 100;

    private final DemoConfig config;
    private final GatewayClient gateway;
    private final DemoCartRestClient carts;
    private final ObjectMapper json;
    private final Clock clock;

    public DemoService(DemoConfig config, GatewayClient gateway, @RestClient DemoCartRestClient carts, ObjectMapper json,
            Clock clock) {
        this.config = config;
        this.gateway = gateway;
        this.carts = carts;
        this.json = json;
        this.clock = clock;
    }

    public record Session(String domain, String persona, String currency, Map<String, Object> userData,
            String identityToken) {
    }

    public record CartLine(long productId, int quantity) {
    }

    public record CartRequest(String sessionId, String persona, List<CartLine> items, Integer idleMinutes) {
    }

    public record CartAnswer(Map<String, Object> cartData) {
    }

    /** Fails with 404 unless the demo is on; the demo tenant must exist (deploy/local/run registers it). */
    String domain() {
        if (!config.active()) {
            throw ApiException.notFound("not_found", "Not found");
        }
        return config.domain().trim().toLowerCase(Locale.ROOT);
    }

    public Uni<Session> session(DemoPersona persona) {
        String domain = domain();
        if (persona == DemoPersona.GUEST) {
            Map<String, Object> guest = new LinkedHashMap<>();
            guest.put("isLoggedIn", false);
            guest.put("email", "");
            guest.put("displayName", "");
            guest.put("customerId", "");
            guest.put("totalOrders", 0);
            guest.put("customerGroup", "guest");
            return gateway.tenant(domain)
                    .map(t -> new Session(domain, persona.segment(), config.currency(), guest, null));
        }
        return gateway.tenant(domain).flatMap(tenant -> gateway.customer(domain, persona.email()).flatMap(found -> {
            CustomerSummary c = found.orElseThrow(() -> ApiException.notFound("customer_not_found",
                    "The demo store has no customer for this persona"));
            return gateway.orders(domain, c.email(), 100).map(orders -> {
                BigDecimal spent = orders.stream().map(OrderSummary::total).map(DemoService::decimal)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                Map<String, Object> user = new LinkedHashMap<>();
                user.put("isLoggedIn", true);
                user.put("email", c.email());
                user.put("displayName", (nz(c.firstName()) + " " + nz(c.lastName())).trim());
                user.put("customerId", c.id());
                user.put("totalOrders", orders.size());
                user.put("totalSpent", spent.setScale(2, RoundingMode.HALF_UP).toPlainString());
                user.put("customerGroup", persona.segment());
                Map<String, Object> identity = new LinkedHashMap<>();
                identity.put("domain", domain);
                identity.put("customerId", c.id());
                identity.put("email", c.email());
                identity.put("segment", persona.segment());
                String token = SignedToken.sign(SignedToken.Purpose.IDENTITY, tenant.pluginSecret(), identity,
                        clock.instant().plus(IDENTITY_TTL));
                return new Session(domain, persona.segment(), config.currency(), user, token);
            });
        }));
    }

    public Uni<List<ProductSummary>> products() {
        return gateway.products(domain(), null, null, PRODUCT_LIMIT);
    }

    public Uni<ProductSummary> product(long id) {
        return gateway.product(domain(), id);
    }

    /**
     * Prices the cart from the store's products (never from the page), reports it to cart-service as a signed
     * {@code cart_updated} event, and answers the spec's {@code cartData} for the widget. {@code idleMinutes} back-dates
     * the event: the demo's way to show the abandoned-cart prompt without waiting for {@code CART_ABANDON_AFTER}.
     */
    public Uni<CartAnswer> cart(CartRequest request) {
        String domain = domain();
        if (request == null || request.sessionId() == null || !SESSION_ID.matcher(request.sessionId()).matches()) {
            throw ApiException.badRequest("Invalid request: sessionId");
        }
        List<CartLine> lines = request.items() == null ? List.of() : request.items();
        if (lines.size() > MAX_LINES || lines.stream().anyMatch(l -> l == null || l.quantity() < 1 || l.quantity() > 100)) {
            throw ApiException.badRequest("Invalid request: items");
        }
        int idle = request.idleMinutes() == null ? 0 : request.idleMinutes();
        if (idle < 0 || idle > 24 * 60) {
            throw ApiException.badRequest("Invalid request: idleMinutes");
        }
        DemoPersona persona = DemoPersona.parse(request.persona());
        Uni<String> customerId = persona.email() == null
                ? Uni.createFrom().nullItem()
                : gateway.customer(domain, persona.email()).map(c -> c.map(x -> Long.toString(x.id())).orElse(null));
        return gateway.tenant(domain).flatMap(tenant -> customerId.flatMap(userId -> products().flatMap(all -> {
            Map<Long, Priced> byId = priced(all);
            List<Map<String, Object>> items = new ArrayList<>();
            ArrayNode cartItems = json.createArrayNode();
            BigDecimal total = BigDecimal.ZERO;
            int count = 0;
            for (CartLine line : lines) {
                Priced p = byId.get(line.productId());
                if (p == null) {
                    throw ApiException.badRequest("Invalid request: unknown product " + line.productId());
                }
                BigDecimal price = decimal(p.price());
                total = total.add(price.multiply(BigDecimal.valueOf(line.quantity())));
                count += line.quantity();
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("productId", line.productId());
                item.put("name", p.name());
                item.put("quantity", line.quantity());
                item.put("price", price.setScale(2, RoundingMode.HALF_UP).toPlainString());
                items.add(item);
                ObjectNode ci = cartItems.addObject();
                ci.put("productId", p.productId());
                if (p.variationId() > 0) {
                    ci.put("variationId", p.variationId());
                }
                ci.put("name", p.name());
                ci.put("quantity", line.quantity());
                ci.put("price", price.setScale(2, RoundingMode.HALF_UP).toPlainString());
                if (p.sku() != null && !p.sku().isBlank()) {
                    ci.put("sku", p.sku());
                }
            }
            String cartTotal = total.setScale(2, RoundingMode.HALF_UP).toPlainString();
            Instant now = clock.instant();
            ObjectNode event = json.createObjectNode();
            event.put("type", "cart_updated");
            event.put("sessionId", request.sessionId());
            if (persona.email() != null) {
                // a logged-in shopper: the plugin reports the WordPress user, which cart-service needs to treat the
                // cart as a customer's (guests' carts count as abandoned only with consent)
                if (userId != null) {
                    event.put("userId", userId);
                }
                event.put("email", persona.email());
            }
            event.set("cartItems", cartItems);
            event.put("cartTotal", cartTotal);
            event.put("cartCurrency", config.currency());
            event.put("occurredAt", now.minus(Duration.ofMinutes(idle)).toString());
            String body = event.toString();
            long ts = now.getEpochSecond();
            Map<String, Object> cartData = new LinkedHashMap<>();
            cartData.put("hasItems", count > 0);
            cartData.put("itemCount", count);
            cartData.put("cartTotal", cartTotal);
            cartData.put("currency", config.currency());
            cartData.put("items", items);
            cartData.put("lastUpdated", now.minus(Duration.ofMinutes(idle)).toString());
            return carts.report(domain, Long.toString(ts), PluginSignature.sign(tenant.pluginSecret(), ts, body), body)
                    .onFailure().transform(e -> {
                        Log.warnf("demo cart not recorded by cart-service: %s", e.getClass().getSimpleName());
                        return ApiException.unavailable("cart_unavailable", "The cart could not be recorded");
                    })
                    .invoke(() -> Log.debugf("demo cart reported: %d items, idle %d min", lines.size(), idle))
                    .replaceWith(new CartAnswer(cartData));
        })));
    }

    /** A line's product as the store prices it: a product, or one of its variations (the Store API cart's ids). */
    record Priced(long productId, long variationId, String name, String price, String sku) {
    }

    static Map<Long, Priced> priced(List<ProductSummary> products) {
        Map<Long, Priced> byId = new LinkedHashMap<>();
        for (ProductSummary p : products) {
            byId.putIfAbsent(p.id(), new Priced(p.id(), 0, p.name(), p.price(), p.sku()));
            if (p.variations() != null) {
                for (ProductSummary.ProductVariant v : p.variations()) {
                    String options = v.attributes() == null
                            ? ""
                            : v.attributes().stream()
                                    .map(a -> a.substring(a.indexOf(':') + 1).strip()).collect(Collectors.joining(" / "));
                    byId.putIfAbsent(v.id(),
                            new Priced(p.id(), v.id(), options.isEmpty() ? p.name() : p.name() + " – " + options,
                                    v.price(), v.sku()));
                }
            }
        }
        return byId;
    }

    private static BigDecimal decimal(String value) {
        try {
            return value == null || value.isBlank() ? BigDecimal.ZERO : new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
