package io.csc.chat.greeting;

import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.cart.CartContext;

/**
 * The first words of a conversation, as the spec's "Custom Greeting Based on Customer Segment" has them, and the
 * abandoned-cart prompt ("Immediate Trigger") when cart-service says the session's cart is abandoned.
 */
@ApplicationScoped
public class GreetingService {
    public static final String ABANDONED_PROMPT = "I noticed you have items in your cart. Need help?";

    /** Which greeting: the segment (signed identity first, then the widget's userData) and the cart state. */
    public record Greeting(String message, boolean abandonedCart) {
    }

    /**
     * @param signedSegment the segment from a valid signed identity, or null
     * @param userData the widget's userData ({@code customerGroup}, {@code displayName}, {@code isLoggedIn})
     * @param cartData the widget's cartData ({@code hasItems}, {@code itemCount})
     * @param cart cart-service's view of the session's cart, or null
     */
    public Greeting greet(String signedSegment, boolean signedIn, Map<String, Object> userData, Map<String, Object> cartData,
            CartContext cart) {
        if (cart != null && cart.abandoned()) {
            return new Greeting(ABANDONED_PROMPT, true);
        }
        Map<String, Object> user = userData == null ? Map.of() : userData;
        String group = signedSegment != null ? signedSegment : text(user.get("customerGroup"));
        group = group == null ? "" : group.toLowerCase(Locale.ROOT);
        String name = displayName(user.get("displayName"));
        boolean loggedIn = signedIn || Boolean.TRUE.equals(user.get("isLoggedIn"))
                || "true".equals(text(user.get("isLoggedIn")));
        boolean hasItems;
        long itemCount;
        if (cart != null) {
            hasItems = cart.hasItems();
            itemCount = cart.itemCount();
        } else {
            Map<String, Object> c = cartData == null ? Map.of() : cartData;
            itemCount = number(c.get("itemCount"));
            hasItems = Boolean.TRUE.equals(c.get("hasItems")) || "true".equals(text(c.get("hasItems"))) || itemCount > 0;
        }
        String message;
        if ("vip".equals(group)) {
            message = "Welcome back" + named(name)
                    + "! As a VIP customer, you have priority support. How can I assist you today?";
        } else if ("regular".equals(group) && hasItems) {
            message = "Hi" + (name == null ? " there" : " " + name) + "! I see you have " + itemCount
                    + " items in your cart. Need any help completing your purchase?";
        } else if ("new".equals(group)) {
            message = "Hello" + (name == null ? "" : " " + name)
                    + "! Welcome to our store. Questions about our products? I'm here to help!";
        } else if (!loggedIn && hasItems) {
            message = "I noticed you have items in your cart. Need any help? You can also save your cart by creating an account.";
        } else {
            message = "Hi there! How can I help you today?";
        }
        return new Greeting(message, false);
    }

    private static String named(String name) {
        return name == null ? "" : ", " + name;
    }

    /** A name from the browser is shown back to the same browser only; still, no markup and no control characters. */
    static String displayName(Object value) {
        String s = text(value);
        if (s == null) {
            return null;
        }
        s = s.replaceAll("[\\p{Cntrl}<>\"&]", "").trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static long number(Object value) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
