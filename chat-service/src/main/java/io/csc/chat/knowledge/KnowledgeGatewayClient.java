package io.csc.chat.knowledge;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.commerce.ProductSummary;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The store's content through the gateway. Only a re-index calls it, so a slow store costs a re-index, never a chat
 * turn; a failure leaves the previous passages in place. The timeout, breaker and retry numbers are in
 * application.properties ({@code io.csc.chat.knowledge.KnowledgeGatewayClient/...}), as every client's are.
 */
@ApplicationScoped
@Timeout
@CircuitBreaker
@Retry
public class KnowledgeGatewayClient {
    private final KnowledgeRestClient rest;

    public KnowledgeGatewayClient(@RestClient KnowledgeRestClient rest) {
        this.rest = rest;
    }

    @CircuitBreakerName("chat-knowledge-pages")
    public Uni<List<ContentPage>> pages(String domain, String type) {
        return rest.pages(domain, type).map(list -> list == null ? List.of() : list);
    }

    @CircuitBreakerName("chat-knowledge-products")
    public Uni<List<ProductSummary>> products(String domain, int limit, int page) {
        return rest.products(domain, limit, page).map(list -> list == null ? List.of() : list);
    }

    @CircuitBreakerName("chat-knowledge-profile")
    public Uni<StoreProfile> profile(String domain) {
        return rest.profile(domain);
    }
}
