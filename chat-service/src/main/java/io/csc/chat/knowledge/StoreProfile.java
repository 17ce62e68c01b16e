package io.csc.chat.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The store's published settings as the gateway summarizes them from WooCommerce: general settings (address,
 * currency), shipping zones with their enabled methods, enabled payment gateways, and the ids of the policy pages.
 */
public record StoreProfile(String domain, Address address, String currency, List<ShippingZone> shippingZones,
        List<PaymentMethod> paymentGateways, Map<String, Long> policyPages) {

    public record Address(String address1, String address2, String city, String state, String postcode,
            String country) {
    }

    /** {@code locations}: country codes ("US") or "US:ME" states; zone 0 ("other locations") has none. */
    public record ShippingZone(long id, String name, List<String> locations, List<ShippingMethod> methods) {
    }

    /** {@code cost} for flat rates, {@code minAmount} for free shipping; plain decimal strings as WooCommerce has them. */
    public record ShippingMethod(String methodId, String title, String cost, String minAmount) {
    }

    public record PaymentMethod(String id, String title, String description) {
    }
}
