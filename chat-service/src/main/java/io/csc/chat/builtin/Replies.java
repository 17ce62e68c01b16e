package io.csc.chat.builtin;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.csc.chat.tools.ToolResult;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StockProduct;

/**
 * The built-in assistant's sentences; facts come only from tool results. What a question waits for is stored with the
 * reply as data ({@link io.csc.chat.assistant.Dialogue}), never read back from these words.
 */
final class Replies {

    static final String ASK_EMAIL = "To access your order information, please provide your email address.";
    static final String ASK_CODE = "I've sent a 6-digit code to your email address. Please type it here to confirm it's you.";
    static final String RETYPE_CODE = "Please type the 6-digit code from the email.";
    static final String ASK_ORDER = "Which order is it about? Please give me the order number (for example #1234).";
    static final String ASK_ADDRESS = "Please write the new shipping address as: street and number, city, postcode, country "
            + "(for example: 12 High Street, London, SW1A 1AA, GB).";
    static final String ASK_PRODUCT = "Which product do you mean? Tell me its name and I'll look it up.";
    static final String GREETING = "Hi! I can help with our products (prices, stock, details), your orders (status, "
            + "tracking, changes) and your cart. What can I do for you?";
    static final String THANKS = "You're welcome! If anything else comes up, I'm here.";
    static final String NOT_UNDERSTOOD = "Sorry, I'm not sure I understood. I can help with products (prices, stock), "
            + "your orders (status, tracking, cancelling, a new address, refunds), your cart, or put you in touch with our team. "
            + "Could you rephrase?";
    static final String POLICY_UNKNOWN = "I don't have the store's policies at hand yet, so I'd rather not guess. "
            + "Would you like me to pass your question to the store's team?";
    static final String UNREACHABLE = "Sorry, the shop can't be reached right now. Please try again in a few minutes.";
    static final String NO_MATCH = "I couldn't verify those details. Please check the email address and the order number and try again.";
    static final String NOTHING_PENDING = "Alright. Is there anything else I can help you with?";
    static final String VERIFIED = "Thanks, you're verified.";
    static final String WITHDRAWN = "All right, nothing will be changed. Is there anything else I can help you with?";

    static String stockWords(String status, Integer quantity, Language lang) {
        if (status == null) {
            return ReplyCatalog.text(lang, "stock.unknown");
        }
        return switch (status) {
            case "instock" -> quantity != null
                    ? ReplyCatalog.text(lang, "stock.in.quantity", Map.of("quantity", quantity))
                    : ReplyCatalog.text(lang, "stock.in");
            case "outofstock" -> ReplyCatalog.text(lang, "stock.out");
            case "onbackorder" -> ReplyCatalog.text(lang, "stock.backorder");
            default -> status;
        };
    }

    /**
     * One line per product: name, price, stock status and quantity, link (the compose step takes the link out when the
     * product's card shows it: a link appears once).
     */
    static String productLine(ProductSummary p, Language lang) {
        StringBuilder b = new StringBuilder("- ").append(p.name());
        if (p.price() != null && !p.price().isBlank()) {
            b.append(": ").append(p.price());
            if (p.onSale() && p.regularPrice() != null && !p.regularPrice().isBlank()) {
                b.append(" (").append(ReplyCatalog.text(lang, "sale.was", Map.of("regular", p.regularPrice())))
                        .append(")");
            }
        }
        b.append(", ").append(stockWords(p.stockStatus(), p.stockQuantity(), lang));
        if (p.permalink() != null && !p.permalink().isBlank()) {
            b.append(" - ").append(p.permalink());
        }
        return b.toString();
    }

    static String stockLine(StockProduct p, Language lang) {
        StringBuilder b = new StringBuilder("- ").append(p.name());
        if (p.price() != null && !p.price().isBlank()) {
            b.append(": ").append(p.price());
        }
        return b.append(", ").append(stockWords(p.stockStatus(), p.stockQuantity(), lang)).toString();
    }

    /** Renders a product tool's answer from its data; falls back to the tool's own plain text. */
    static String products(ToolResult r, String lead, Language lang) {
        if (r.data() instanceof ProductSummary p) {
            StringBuilder b = new StringBuilder(productLine(p, lang).substring(2));
            if (p.shortDescription() != null && !p.shortDescription().isBlank()) {
                b.append("\n").append(plain(p.shortDescription()));
            }
            return b.toString();
        }
        if (r.data() instanceof List<?> list && !list.isEmpty()) {
            StringBuilder b = new StringBuilder(lead);
            int n = 0;
            for (Object o : list) {
                if (n++ == 5) {
                    b.append("\n").append(ReplyCatalog.text(lang, "products.more", Map.of("count", list.size() - 5)));
                    break;
                }
                if (o instanceof ProductSummary p) {
                    b.append("\n").append(productLine(p, lang));
                } else if (o instanceof StockProduct s) {
                    b.append("\n").append(stockLine(s, lang));
                } else {
                    return r.text();
                }
            }
            return b.toString();
        }
        return r.text();
    }

    /** Store text is data: tags dropped, kept short. */
    static String plain(String html) {
        String s = html.replaceAll("<[^>]*>", " ").replaceAll("&nbsp;", " ").replaceAll("\\s+", " ").trim();
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }

    static String quoted(String query) {
        return "\"" + query.toLowerCase(Locale.ROOT) + "\"";
    }
}
