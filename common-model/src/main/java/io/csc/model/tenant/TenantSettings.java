package io.csc.model.tenant;

import java.util.List;

/**
 * What the other services need to know about a store (from the gateway's internal API). Carries the plugin secret,
 * so it only ever travels on internal routes.
 */
public record TenantSettings(
        String domain,
        String storeName,
        String storeUrl,
        boolean woocommerceEnabled,
        List<String> allowedOrigins,
        String pluginSecret,
        String supportEmail,
        boolean developmentStore) {
}
