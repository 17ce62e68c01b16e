package io.csc.gateway.tenant;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/admin/config}: the spec's fields plus ours. Absent fields keep their stored value on update, so a
 * store owner can change one setting without resending the keys.
 */
public record TenantConfigRequest(
        @NotBlank @Size(max = 253) @Pattern(regexp = "(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?", message = "must be a host name like shop.example.com") String domain,
        @JsonProperty("store_name") @Size(max = 200) String storeName,
        @JsonProperty("woocommerce_url") @Size(max = 2000) String woocommerceUrl,
        @JsonProperty("woocommerce_consumer_key") @Size(min = 8, max = 200) @Pattern(regexp = "ck_\\S+", message = "must start with ck_") String consumerKey,
        @JsonProperty("woocommerce_consumer_secret") @Size(min = 8, max = 200) @Pattern(regexp = "cs_\\S+", message = "must start with cs_") String consumerSecret,
        @JsonProperty("woocommerce_enabled") Boolean woocommerceEnabled,
        @JsonProperty("allowed_origins") @Size(max = 50) List<@Pattern(regexp = "https?://[^/\\s]+", message = "must be an origin like https://shop.example.com") String> allowedOrigins,
        @JsonProperty("plugin_secret") @Size(min = 32, max = 200) String pluginSecret,
        @JsonProperty("support_email") @Email @Size(max = 254) String supportEmail,
        @JsonProperty("development_store") Boolean developmentStore) {
}
