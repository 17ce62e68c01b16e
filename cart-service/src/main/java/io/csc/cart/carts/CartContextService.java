package io.csc.cart.carts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.config.CartConfig;
import io.csc.model.cart.CartContext;
import io.csc.web.ApiException;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;

/** The cart as the chat sees it, with the abandonment rule evaluated now (not only at the last scan). */
@ApplicationScoped
public class CartContextService {
    private final CartRepository carts;
    private final Clock clock;
    private final CartConfig config;

    CartContextService(CartRepository carts, Clock clock, CartConfig config) {
        this.carts = carts;
        this.clock = clock;
        this.config = config;
    }

    public Uni<CartContext> context(String domain, String sessionId) {
        return Uni.createFrom().item(() -> TenantDomain.normalize(domain)).chain(store -> carts.find(store, sessionId))
                .map(cart -> {
                    if (cart == null) {
                        throw ApiException.notFound("cart_not_found", "No cart for this session");
                    }
                    return toContext(cart, clock.instant());
                });
    }

    CartContext toContext(CartRow cart, Instant now) {
        long idle = Math.max(0, Duration.between(cart.lastActivityAt(), now).toSeconds());
        Instant abandonedAt = null;
        if ("abandoned".equals(cart.state())) {
            abandonedAt = cart.abandonedAt();
        } else if ("active".equals(cart.state()) && cart.recoverable()
                && idle >= config.abandonAfter().toSeconds()) {
            abandonedAt = cart.lastActivityAt().plus(config.abandonAfter());
        }
        Long abandonedFor = abandonedAt == null ? null : Math.max(0, Duration.between(abandonedAt, now).toSeconds());
        return new CartContext(cart.sessionId(), cart.userId(), cart.email(), cart.itemCount() > 0, cart.itemCount(),
                cart.total(), cart.currency(), cart.lastActivityAt(), cart.items(), cart.appliedCoupons(), cart.state(),
                abandonedAt != null, abandonedAt, abandonedFor, idle, cart.emailsSent(), "converted".equals(cart.state()));
    }
}
