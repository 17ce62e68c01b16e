package io.csc.cart.config;

import io.csc.model.cart.CartItem;
import io.csc.model.cart.RestoreToken;
import io.csc.model.cart.UnsubscribeToken;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Records that Jackson handles outside REST signatures (JSONB columns, signed link payloads), so a native build keeps
 * their accessors; REST request and response types are registered by Quarkus itself.
 */
@RegisterForReflection(targets = {CartItem.class, RestoreToken.class, RestoreToken.Item.class, UnsubscribeToken.class})
public class ReflectionConfig {
}
