package io.csc.chat.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The store's own settings as the gateway summarizes them ({@code GET /internal/store/profile}): address, currency and
 * time zone, shipping zones with their countries ("US", or "US:ME" for a state) and methods, the titles of the enabled
 * payment methods, and the pages holding its policies (keys refundReturns, shipping, privacy, terms).
 */
public record StoreProfile(String domain, String storeName, String url, Address address, String currency,
        String timezone, List<ShippingZone> shippingZones, List<String> paymentMethods,
        Map<String, PageRef> policyPages) {

    public record Address(String address1, String address2, String city, String postcode, String country,
            String state) {
    }

    /** Zone 0 ("Locations not covered by your other zones") has no locations. */
    public record ShippingZone(long id, String name, List<String> locations, List<ShippingMethod> methods) {
    }

    /** {@code cost} for flat rates, {@code minAmount} for free shipping: decimal strings as WooCommerce keeps them. */
    public record ShippingMethod(String title, String methodId, boolean enabled, String cost, String minAmount) {
    }

    public record PageRef(long id, String title, String link) {
    }
}
