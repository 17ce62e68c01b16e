package io.csc.gateway.tenant;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the admin API shows of a tenant: keys masked, the plugin secret only once, in the answer that generated it.
 * {@code credentials_status} is {@code Encrypted}, {@code Not Set} or {@code Unreadable} (sealed values the configured
 * keys cannot open; {@code credentials_problem} then says what to do).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TenantView(
        boolean success,
        String domain,
        @JsonProperty("store_name") String storeName,
        @JsonProperty("woocommerce_url") String woocommerceUrl,
        @JsonProperty("woocommerce_enabled") boolean woocommerceEnabled,
        @JsonProperty("woocommerce_consumer_key") String consumerKeyMasked,
        @JsonProperty("woocommerce_consumer_secret") String consumerSecretMasked,
        @JsonProperty("credentials_status") String credentialsStatus,
        @JsonProperty("credentials_problem") String credentialsProblem,
        @JsonProperty("allowed_origins") List<String> allowedOrigins,
        @JsonProperty("support_email") String supportEmail,
        @JsonProperty("development_store") boolean developmentStore,
        @JsonProperty("plugin_secret") String pluginSecretOnce,
        @JsonProperty("key_id") String keyId,
        @JsonProperty("updated_at") Instant updatedAt) {

    /** {@code ck_1234…abcd} becomes {@code ck_****abcd}: enough to tell keys apart, not enough to use one. */
    static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        String prefix = secret.startsWith("ck_") || secret.startsWith("cs_") ? secret.substring(0, 3) : "";
        return prefix + "****" + (secret.length() > 12 ? secret.substring(secret.length() - 4) : "");
    }
}
