package io.csc.model.cart;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the restore link {@code {storeUrl}/?csc_restore=<token>} (signed with the tenant's plugin secret; the
 * signer adds {@code exp}). The plugin checks it, refills the cart and applies {@code coupon} (the email's discount code,
 * from the second email on; absent before).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreToken(String sessionId, List<Item> items, String coupon) {

    public record Item(long productId, long variationId, int quantity) {
    }
}
