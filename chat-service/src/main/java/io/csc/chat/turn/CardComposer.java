package io.csc.chat.turn;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Source;
import io.csc.chat.cards.Card;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.cart.CartContext;
import io.csc.model.cart.CartItem;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StorePages;
import io.smallrye.mutiny.Uni;

/**
 * The one place a turn's cards are made: from the tool results of the turn (either assistant's), never from the text.
 * Only results with status OK count, so an order appears only when the order tools' gate let the turn read it. Prices
 * are written in the store's own format (gateway {@code /internal/store/price-format}); when that cannot be read the
 * cards carry the plain amount and currency code. A product link shown in a card is taken out of {@code sources} and
 * out of the text's " - link" suffix (the built-in assistant's product lines), so it is not shown twice.
 */
@ApplicationScoped
public class CardComposer {
    static final int MAX_PRODUCTS = 5;
    static final int MAX_ORDERS = 5;
    static final int MAX_VARIATIONS = 12;

    private static final Map<String, String> ORDER_STATUS = Map.of("pending", "Pending payment", "processing",
            "Processing", "on-hold", "On hold", "completed", "Completed", "cancelled", "Cancelled", "refunded",
            "Refunded", "failed", "Failed", "checkout-draft", "Draft");

    private final GatewayClient gateway;

    public CardComposer(GatewayClient gateway) {
        this.gateway = gateway;
    }

    /** The reply with its cards; unchanged when its tools returned nothing a card shows. */
    public Uni<AssistantReply> compose(String domain, AssistantReply reply) {
        return compose(domain, reply, Language.EN);
    }

    /** The reply with its cards, their words (stock, order status) in the turn's language. */
    public Uni<AssistantReply> compose(String domain, AssistantReply reply, Language lang) {
        Found found = found(reply.toolResults());
        if (found.isEmpty()) {
            return Uni.createFrom().item(reply);
        }
        Uni<Optional<PriceFormat>> format = gateway.priceFormat(domain).onFailure().recoverWithItem(Optional.empty());
        Uni<StorePages> pages = found.cart == null
                ? Uni.createFrom().item(StorePages.NONE)
                : gateway.storePages(domain).onFailure().recoverWithItem(StorePages.NONE);
        return Uni.combine().all().unis(format, pages).asTuple()
                .map(t -> withCards(reply, cards(found, t.getItem1().orElse(null), t.getItem2(), lang)));
    }

    /** What the turn's tools returned, each product and order once (the later, fuller answer wins), in order. */
    static Found found(List<ToolResult> results) {
        Found f = new Found();
        if (results == null) {
            return f;
        }
        for (ToolResult r : results) {
            if (r == null || !r.ok() || r.data() == null) {
                continue;
            }
            Object data = r.data();
            if (data instanceof List<?> list) {
                list.forEach(f::add);
            } else {
                f.add(data);
            }
        }
        return f;
    }

    static List<Card> cards(Found found, PriceFormat format) {
        return cards(found, format, StorePages.NONE);
    }

    static List<Card> cards(Found found, PriceFormat format, StorePages pages) {
        return cards(found, format, pages, Language.EN);
    }

    static List<Card> cards(Found found, PriceFormat format, StorePages pages, Language lang) {
        List<Card> cards = new ArrayList<>();
        found.products.values().stream().limit(MAX_PRODUCTS).forEach(p -> cards.add(product(p, format, lang)));
        found.orders.values().stream().limit(MAX_ORDERS).forEach(o -> cards.add(order(o, format, lang)));
        if (found.cart != null) {
            cards.add(cart(found.cart, format, pages.cart()));
        }
        return cards;
    }

    static Card.Product product(ProductSummary p, PriceFormat format) {
        return product(p, format, Language.EN);
    }

    static Card.Product product(ProductSummary p, PriceFormat format, Language lang) {
        String currency = format == null ? null : format.currency();
        Card.Price price = null;
        if (!blank(p.price())) {
            boolean sale = p.onSale() && !blank(p.regularPrice()) && !p.regularPrice().equals(p.price());
            price = new Card.Price(money(p.price(), currency, format), sale ? money(p.regularPrice(), currency, format) : null,
                    sale ? Boolean.TRUE : null, p.price(), currency);
        }
        boolean variable = "variable".equals(p.type());
        List<Card.Attribute> attributes = List.of();
        List<Card.Variation> variations = List.of();
        boolean anyVariationInStock = true;
        if (variable && p.variations() != null && !p.variations().isEmpty()) {
            attributes = attributes(p.variations());
            variations = p.variations().stream().filter(v -> "instock".equals(v.stockStatus())).limit(MAX_VARIATIONS)
                    .map(v -> new Card.Variation(v.id(), attributeMap(v.attributes()),
                            blank(v.price())
                                    ? null
                                    : new Card.Price(money(v.price(), currency, format), null, null,
                                            v.price(), currency),
                            stock(v.stockStatus(), v.stockQuantity(), lang)))
                    .toList();
            anyVariationInStock = !variations.isEmpty();
        }
        boolean buyable = ("simple".equals(p.type()) || variable) && price != null
                && !"outofstock".equals(p.stockStatus()) && anyVariationInStock;
        Card.Image image = p.image() == null || blank(p.image().src())
                ? null
                : new Card.Image(p.image().src(), blank(p.image().alt()) ? p.name() : p.image().alt());
        return new Card.Product("product", p.id(), p.name(), blank(p.permalink()) ? null : p.permalink(), image, price,
                stock(p.stockStatus(), p.stockQuantity(), lang), attributes, variations,
                buyable ? new Card.AddToCart(p.id(), variable) : null);
    }

    static Card.Order order(OrderSummary o, PriceFormat format) {
        return order(o, format, Language.EN);
    }

    static Card.Order order(OrderSummary o, PriceFormat format, Language lang) {
        String currency = blank(o.currency()) ? null : o.currency();
        List<Card.Item> items = o.lineItems() == null
                ? List.of()
                : o.lineItems().stream().map(l -> new Card.Item(l.name(), l.quantity(), money(l.total(), currency, format)))
                        .toList();
        Card.Tracking tracking = null;
        if (o.tracking() != null && !o.tracking().isEmpty()) {
            OrderSummary.Tracking t = o.tracking().get(0);
            if (!blank(t.trackingNumber()) || !blank(t.trackingUrl())) {
                tracking = new Card.Tracking(nullIfBlank(t.provider()), nullIfBlank(t.trackingNumber()),
                        nullIfBlank(t.trackingUrl()));
            }
        }
        String number = blank(o.number()) ? Long.toString(o.id()) : o.number();
        String status = o.status() == null ? "" : o.status();
        return new Card.Order("order", number, nullIfBlank(o.dateCreated()), nullIfBlank(status),
                statusWords(status, lang), items,
                money(o.total(), currency, format), tracking);
    }

    /** {@code url}: the store's cart page (gateway {@code /internal/store/pages}), null when it is not known. */
    static Card.Cart cart(CartContext c, PriceFormat format, String url) {
        String currency = blank(c.cartCurrency()) ? null : c.cartCurrency();
        List<Card.Item> items = new ArrayList<>();
        if (c.cartItems() != null) {
            for (CartItem i : c.cartItems()) {
                String total = null;
                if (!blank(i.price())) {
                    try {
                        total = money(new BigDecimal(i.price()).multiply(BigDecimal.valueOf(i.quantity())).toPlainString(),
                                currency, format);
                    } catch (NumberFormatException e) {
                        total = null;
                    }
                }
                items.add(new Card.Item(i.name(), i.quantity(), total));
            }
        }
        return new Card.Cart("cart", c.itemCount(), items, money(c.cartTotal(), currency, format), nullIfBlank(url));
    }

    /** Options per attribute name in the order the variations list them ("Color: Blue" is Color -> Blue). */
    static List<Card.Attribute> attributes(List<ProductSummary.ProductVariant> variations) {
        Map<String, Set<String>> options = new LinkedHashMap<>();
        for (ProductSummary.ProductVariant v : variations) {
            attributeMap(v.attributes()).forEach((name, option) -> options.computeIfAbsent(name, k -> new LinkedHashSet<>())
                    .add(option));
        }
        return options.entrySet().stream().map(e -> new Card.Attribute(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    static Map<String, String> attributeMap(List<String> attributes) {
        Map<String, String> map = new LinkedHashMap<>();
        if (attributes != null) {
            for (String a : attributes) {
                int colon = a == null ? -1 : a.indexOf(':');
                if (colon > 0 && colon < a.length() - 1) {
                    String option = a.substring(colon + 1).trim();
                    if (!option.isEmpty()) {
                        map.put(a.substring(0, colon).trim(), option);
                    }
                }
            }
        }
        return map;
    }

    static Card.Stock stock(String status, Integer quantity) {
        return stock(status, quantity, Language.EN);
    }

    /** The stock in words: English as WooCommerce says it, other languages from the reply catalogue. */
    static Card.Stock stock(String status, Integer quantity, Language lang) {
        if (blank(status)) {
            return null;
        }
        String key = switch (status) {
            case "instock" -> "stock.in";
            case "outofstock" -> "stock.out";
            case "onbackorder" -> "stock.backorder";
            default -> null;
        };
        String text = lang == Language.EN || key == null ? switch (status) {
            case "instock" -> "In stock";
            case "outofstock" -> "Out of stock";
            case "onbackorder" -> "Available on backorder";
            default -> capitalised(status);
        } : capitalised(ReplyCatalog.text(lang, key));
        return new Card.Stock(status, "instock".equals(status) ? quantity : null, text);
    }

    /**
     * An amount in the store's format, in {@code currency} when it is another one than the store's (an order placed in
     * another currency keeps its own symbol); without a format, the amount and the currency code.
     */
    static String money(String amount, String currency, PriceFormat format) {
        if (blank(amount)) {
            return null;
        }
        if (format == null) {
            return currency == null ? amount : amount + " " + currency;
        }
        PriceFormat f = currency == null || currency.equals(format.currency())
                ? format
                : new PriceFormat(currency, PriceFormat.symbolOf(currency), format.position(), format.thousandSeparator(),
                        format.decimalSeparator(), format.decimals());
        String text = f.format(amount);
        return text == null ? amount : text;
    }

    /** Links the cards show, taken out of the sources and the text's " - link" suffixes. */
    static AssistantReply withCards(AssistantReply reply, List<Card> cards) {
        Set<String> links = new LinkedHashSet<>();
        for (Card c : cards) {
            if (c instanceof Card.Product p && p.url() != null) {
                links.add(p.url());
            } else if (c instanceof Card.Cart cart && cart.url() != null) {
                links.add(cart.url());
            }
        }
        String message = reply.message();
        List<Source> sources = reply.sources();
        if (!links.isEmpty()) {
            if (message != null) {
                for (String link : links) {
                    message = message.replace(" - " + link, "");
                }
            }
            if (sources != null) {
                sources = sources.stream().filter(s -> s == null || !links.contains(s.url())).toList();
            }
        }
        return reply.with(message, sources, cards);
    }

    /** An order's status in words: WooCommerce's English labels, other languages from the reply catalogue. */
    static String statusWords(String status, Language lang) {
        if (lang != Language.EN && ReplyCatalog.has("status." + status)) {
            return capitalised(ReplyCatalog.text(lang, "status." + status));
        }
        return ORDER_STATUS.getOrDefault(status, capitalised(status.replace('-', ' ')));
    }

    private static String capitalised(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nullIfBlank(String s) {
        return blank(s) ? null : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** A turn's products, orders and cart, by id. */
    static final class Found {
        final Map<Long, ProductSummary> products = new LinkedHashMap<>();
        final Map<Long, OrderSummary> orders = new LinkedHashMap<>();
        CartContext cart;

        void add(Object item) {
            if (item instanceof ProductSummary p) {
                products.put(p.id(), p);
            } else if (item instanceof OrderSummary o) {
                orders.put(o.id(), o);
            } else if (item instanceof CartContext c && c.hasItems() && c.itemCount() > 0) {
                cart = c;
            }
        }

        boolean isEmpty() {
            return products.isEmpty() && orders.isEmpty() && cart == null;
        }
    }
}
