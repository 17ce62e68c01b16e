package io.csc.chat.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.cart.CartContext;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.web.ApiException;
import io.csc.web.client.ServiceRefusal;
import io.csc.web.client.StoreUnavailable;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * cart-service as chat sees it: the session's cart (for greetings and the cart tool) and the privacy fan-out. Refusals
 * (4xx) are answers, never retried or counted; timeouts, retries and breaker numbers are configuration
 * ({@code quarkus.fault-tolerance."..."} in application.properties).
 */
@ApplicationScoped
@Timeout
@CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
public class CartClient {
    private final CartRestClient rest;

    public CartClient(@RestClient CartRestClient rest) {
        this.rest = rest;
    }

    /**
     * The session's cart, or empty when cart-service has never heard of it; fails when cart-service cannot answer, so
     * that the cart tool says "unavailable" rather than "your cart is empty".
     */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-cart")
    public Uni<Optional<CartContext>> cart(String domain, String sessionId) {
        return lookup(domain, sessionId);
    }

    /**
     * The session's cart for the greeting, which has a good answer without it: when cart-service is down, slow or its
     * breaker open, the greeting simply does not mention the cart ({@link #noCartForGreeting}). One attempt, no retry:
     * the shopper is waiting for the chat to open.
     */
    @Fallback(fallbackMethod = "noCartForGreeting")
    @CircuitBreakerName("chat-cart-greeting")
    public Uni<Optional<CartContext>> cartForGreeting(String domain, String sessionId) {
        return lookup(domain, sessionId);
    }

    Uni<Optional<CartContext>> noCartForGreeting(String domain, String sessionId) {
        return Uni.createFrom().item(Optional.empty());
    }

    private Uni<Optional<CartContext>> lookup(String domain, String sessionId) {
        return rest.cart(sessionId, domain).map(Optional::ofNullable).onFailure(ServiceRefusal.class)
                .recoverWithUni(e -> ((ServiceRefusal) e).status() == 404
                        ? Uni.createFrom().item(Optional.empty())
                        : Uni.createFrom().failure(e));
    }

    @CircuitBreakerName("chat-cart-privacy")
    public Uni<PrivacyExport> privacyExport(PrivacyRequest request) {
        return rest.privacyExport(request);
    }

    @CircuitBreakerName("chat-cart-privacy-delete")
    public Uni<PrivacyDeletion> privacyDelete(PrivacyRequest request) {
        return rest.privacyDelete(request);
    }
}
