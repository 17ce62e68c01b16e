package io.csc.model.cart;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Payload of the restore link {@code {storeUrl}/?csc_restore=<token>} (signed with the tenant's plugin secret; the
 * signer adds {@code exp}). The plugin checks it, refills the cart and applies {@code coupon} (the email's discount code,
 * from the second email on; absent before) and {@code step}, the recovery email the link was sent in (1-based; absent in
 * tokens made before it was added), which the plugin reports back in a {@code cart_restored} event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RestoreToken(String sessionId, List<Item> items, String coupon, Integer step) {

    public record Item(long productId, long variationId, int quantity) {
    }
}
