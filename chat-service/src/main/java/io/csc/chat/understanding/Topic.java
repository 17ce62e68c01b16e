package io.csc.chat.understanding;

import java.util.Locale;

/**
 * What a shopper's message asks for, finer than {@link Intent}: small talk, privacy requests, each kind of store fact
 * and reasoning over products have their own topic. {@link #intent()} gives the nearest intent the built-in assistant
 * already handles.
 */
public enum Topic {
    GREETING, THANKS, YES, NO,
    /** "tell me a joke", "are you a bot?", "u there?": answered briefly, never a ticket. */
    SMALL_TALK,
    /** "delete my data": the verified self-service deletion. */
    PRIVACY_DELETE,
    /** "what do you know about me": the verified self-service export. */
    PRIVACY_EXPORT, HANDOFF, ORDER_STATUS, CANCEL_ORDER,
    /** Returning or refunding something the shopper bought (an action), not the policy. */
    RETURN_REQUEST, CHANGE_ADDRESS, CART, PRODUCT_SEARCH, PRODUCT_PRICE, STOCK_CHECK,
    /** Cheapest / dearest, on sale, price ranges, gift ideas, a use: see {@code ProductQuery}. */
    PRODUCT_REASONING,
    /** Store facts, answered from the store profile and the store's pages. */
    SHIPPING, RETURNS_POLICY, PAYMENT, CONTACT, HOURS, STORE_ADDRESS,
    /** Any other question about the store (gift wrapping, warranty, currency): the store's pages answer it. */
    STORE_QUESTION, OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Topic fromWireName(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }

    /** Store facts: answered from the profile and the pages, never by a handoff when a page answers. */
    public boolean isStoreFact() {
        return this == SHIPPING || this == RETURNS_POLICY || this == PAYMENT || this == CONTACT || this == HOURS
                || this == STORE_ADDRESS || this == STORE_QUESTION;
    }

    /** The nearest intent the built-in assistant handles today. */
    public Intent intent() {
        return switch (this) {
            case GREETING -> Intent.GREETING;
            case THANKS -> Intent.THANKS_BYE;
            case YES -> Intent.YES;
            case NO -> Intent.NO;
            case HANDOFF -> Intent.HANDOFF;
            case ORDER_STATUS -> Intent.ORDER_STATUS;
            case CANCEL_ORDER -> Intent.CANCEL_ORDER;
            case RETURN_REQUEST -> Intent.REFUND_REQUEST;
            case CHANGE_ADDRESS -> Intent.CHANGE_ADDRESS;
            case CART -> Intent.CART_SUMMARY;
            case PRODUCT_SEARCH, PRODUCT_REASONING -> Intent.PRODUCT_SEARCH;
            case PRODUCT_PRICE -> Intent.PRODUCT_DETAILS;
            case STOCK_CHECK -> Intent.STOCK_CHECK;
            case SHIPPING, RETURNS_POLICY, PAYMENT, CONTACT, HOURS, STORE_ADDRESS, STORE_QUESTION -> Intent.STORE_POLICY;
            case SMALL_TALK, PRIVACY_DELETE, PRIVACY_EXPORT, OTHER -> Intent.OTHER;
        };
    }
}
