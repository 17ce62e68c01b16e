package io.csc.chat.understanding;

import java.util.Locale;

/** What a shopper's message asks for, as the built-in assistant understands it. */
public enum Intent {
    GREETING, PRODUCT_SEARCH, STOCK_CHECK,
    /** Price, description and other facts about one product. */
    PRODUCT_DETAILS, ORDER_STATUS, RECENT_ORDERS, TRACKING, CANCEL_ORDER, CHANGE_ADDRESS, REFUND_REQUEST, GIVE_EMAIL, GIVE_CODE, GIVE_ORDER_NUMBER, YES, NO, CART_SUMMARY, HANDOFF, THANKS_BYE,
    /** Shipping, returns, payment, opening hours: store knowledge. */
    STORE_POLICY, OTHER;

    /** The lower-case name used in the utterance table and in logs. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Intent fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Intents about the shopper's own orders: they need a verification grant. */
    public boolean isPrivate() {
        return this == ORDER_STATUS || this == RECENT_ORDERS || this == TRACKING || this == CANCEL_ORDER
                || this == CHANGE_ADDRESS || this == REFUND_REQUEST;
    }

    /** Intents that change an order: they need a one-time code (or a signed identity) and a confirmation. */
    public boolean isChange() {
        return this == CANCEL_ORDER || this == CHANGE_ADDRESS || this == REFUND_REQUEST;
    }

    public boolean isProduct() {
        return this == PRODUCT_SEARCH || this == STOCK_CHECK || this == PRODUCT_DETAILS;
    }
}
