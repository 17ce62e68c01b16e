package io.csc.gateway.tenant;

import java.net.URI;
import java.util.List;

import io.csc.model.tenant.TenantSettings;

/**
 * A tenant ready to serve: secrets opened, URL parsed. Lives only in memory; {@link #toString()} never shows secrets.
 */
public record ActiveTenant(
        String domain,
        String storeName,
        URI storeUrl,
        boolean woocommerceEnabled,
        String consumerKey,
        String consumerSecret,
        String pluginSecret,
        List<String> allowedOrigins,
        String supportEmail,
        boolean developmentStore) {

    public boolean configured() {
        return woocommerceEnabled && storeUrl != null && consumerKey != null && consumerSecret != null;
    }

    public boolean allowsOrigin(String origin) {
        return origin != null && allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    public TenantSettings settings() {
        return new TenantSettings(domain, storeName, storeUrl == null ? null : storeUrl.toString(), woocommerceEnabled,
                allowedOrigins, pluginSecret, supportEmail, developmentStore);
    }

    @Override
    public String toString() {
        return "ActiveTenant[" + domain + "]";
    }
}
