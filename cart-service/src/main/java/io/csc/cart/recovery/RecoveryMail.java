package io.csc.cart.recovery;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.csc.cart.carts.CartRow;
import io.csc.model.cart.CartItem;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.mailer.Mail;

/**
 * Renders one recovery email (HTML and plain text): the items and total, the restore link, the store's name and
 * support address, the coupon from the second email on, and the unsubscribe link, also as {@code List-Unsubscribe}
 * with one-click POST (RFC 8058). The Message-ID is fixed per (cart, step): should the rare crash window between SMTP
 * acceptance and our "sent" commit ever resend a step, mail clients fold the copy into the original.
 */
final class RecoveryMail {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private RecoveryMail() {
    }

    record Content(TenantSettings tenant, CartRow cart, Claim claim, int lastStep, String restoreUrl, String unsubscribeUrl,
            String couponCode, Integer couponPercent, Instant couponExpiresAt) {
    }

    static Mail render(Content c) {
        String store = c.tenant().storeName() == null || c.tenant().storeName().isBlank()
                ? c.cart().domain()
                : c.tenant().storeName();
        boolean coupon = c.couponCode() != null;
        String subject;
        String intro;
        if (c.claim().step() == 1) {
            subject = "You left something in your cart at " + store;
            intro = "You left some items in your cart. We saved them for you.";
        } else if (c.claim().step() >= c.lastStep()) {
            subject = coupon
                    ? "Last chance: " + c.couponPercent() + "% off your cart at " + store
                    : "Last chance to complete your order at " + store;
            intro = "This is our last reminder: your cart is still waiting.";
        } else {
            subject = coupon
                    ? "Your cart at " + store + " is waiting: " + c.couponPercent() + "% off inside"
                    : "Your cart at " + store + " is waiting";
            intro = "Your cart is still waiting, but we cannot hold it forever.";
        }
        String currency = c.cart().currency() == null ? "" : " " + c.cart().currency();
        String support = c.tenant().supportEmail();

        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        text.append("Hello,\n\n").append(intro).append("\n\n");
        html.append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
                .append("<h2>").append(esc(store)).append("</h2>")
                .append("<p>Hello,</p><p>").append(esc(intro)).append("</p>")
                .append("<table cellpadding=\"4\" style=\"border-collapse:collapse\">")
                .append("<tr><th align=\"left\">Item</th><th>Qty</th><th align=\"right\">Price</th></tr>");
        for (CartItem item : c.cart().items()) {
            String name = item.name() == null ? "Product #" + item.productId() : item.name();
            if (item.variation() != null && !item.variation().isBlank()) {
                name = name + " (" + item.variation() + ")";
            }
            String price = item.price() == null ? "" : item.price() + currency;
            text.append("- ").append(name).append(" x ").append(item.quantity()).append("  ").append(price).append('\n');
            html.append("<tr><td>").append(esc(name)).append("</td><td align=\"center\">").append(item.quantity())
                    .append("</td><td align=\"right\">").append(esc(price)).append("</td></tr>");
        }
        text.append("\nTotal: ").append(c.cart().total()).append(currency).append("\n\n");
        html.append("<tr><td colspan=\"2\"><strong>Total</strong></td><td align=\"right\"><strong>")
                .append(esc(c.cart().total() + currency)).append("</strong></td></tr></table>");
        if (coupon) {
            String until = DATE.format(c.couponExpiresAt());
            text.append("Use code ").append(c.couponCode()).append(" for ").append(c.couponPercent())
                    .append("% off (valid until ").append(until).append(", once, with this email address).\n\n");
            html.append("<p>Use code <strong style=\"font-size:1.2em\">").append(esc(c.couponCode())).append("</strong> for ")
                    .append(c.couponPercent()).append("% off (valid until ").append(esc(until))
                    .append(", once, with this email address).</p>");
        }
        text.append("Restore your cart: ").append(c.restoreUrl()).append("\n\n");
        html.append("<p><a href=\"").append(esc(c.restoreUrl()))
                .append("\" style=\"background:#2c6ecb;color:#fff;padding:10px 16px;text-decoration:none;border-radius:4px\">")
                .append("Restore my cart</a></p>");
        if (support != null && !support.isBlank()) {
            text.append("Questions? Write to ").append(support).append(".\n\n");
            html.append("<p>Questions? Write to <a href=\"mailto:").append(esc(support)).append("\">").append(esc(support))
                    .append("</a>.</p>");
        }
        text.append("-- \n").append(store).append("\nUnsubscribe from cart reminders: ").append(c.unsubscribeUrl())
                .append('\n');
        html.append("<hr><p style=\"font-size:0.8em;color:#666\">").append(esc(store))
                .append(" &middot; <a href=\"").append(esc(c.unsubscribeUrl()))
                .append("\">Unsubscribe from cart reminders</a></p></body></html>");

        Mail mail = Mail.withHtml(c.cart().email(), subject, html.toString()).setText(text.toString());
        if (support != null && !support.isBlank()) {
            mail.setReplyTo(support);
        }
        mail.addHeader("List-Unsubscribe", "<" + c.unsubscribeUrl() + ">");
        mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.addHeader("Message-ID", "<" + c.claim().reference() + "@" + c.cart().domain() + ">");
        mail.addHeader("X-CSC-Recovery", c.claim().reference());
        return mail;
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
