package io.csc.model.commerce;

/**
 * The links of WooCommerce's own shop pages ({@code GET /internal/store/pages}): where a shopper sees the cart, pays,
 * and finds the account. Each is the page's WordPress link, or null when the store has no such page.
 */
public record StorePages(String shop, String cart, String checkout, String myAccount) {
    public static final StorePages NONE = new StorePages(null, null, null, null);
}
