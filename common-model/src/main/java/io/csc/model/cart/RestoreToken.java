package io.csc.model.cart;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of the restore link {@code {storeUrl}/?csc_restore=<token>} (signed with the tenant's plugin secret; the
 * signer adds {@code exp}). The plugin checks it and refills the cart.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RestoreToken(String sessionId, List<Item> items) {

    public record Item(long productId, long variationId, int quantity) {
    }
}
