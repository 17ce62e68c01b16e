package io.csc.verification.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.commerce.CustomerSummary;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The gateway as verification sees it: reads only, so a failed call is retried once; a slow or failing gateway trips
 * the breaker and callers get 503 at once. Refusals (403/404) are answers, not failures, and never trip it.
 */
@ApplicationScoped
public class GatewayClient {
    private final GatewayRestClient rest;
    public GatewayClient(@RestClient GatewayRestClient rest) {
        this.rest = rest;
    }

    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = {GatewayRefusal.class, ApiException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = {GatewayRefusal.class,
            ApiException.class})
    @CircuitBreakerName("gateway-tenant")
    public Uni<TenantSettings> tenant(String domain) {
        return rest.tenant(domain).onFailure(GatewayRefusal.class)
                .transform(e -> ApiException.notFound("tenant_not_found", "Unknown store"));
    }

    /** The registered customer with this email, or empty. */
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = {GatewayRefusal.class, ApiException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = {GatewayRefusal.class,
            ApiException.class})
    @CircuitBreakerName("gateway-customers")
    public Uni<Optional<CustomerSummary>> customer(String domain, String email) {
        return rest.customer(domain, email).map(Optional::ofNullable)
                .onFailure(GatewayRefusal.class).recoverWithUni(e -> refusal((GatewayRefusal) e, Optional.empty()));
    }

    /** Whether the order exists and belongs to this email (billing email or owning customer, decided by the gateway). */
    @Timeout(2000)
    @Retry(maxRetries = 1, delay = 50, abortOn = {GatewayRefusal.class, ApiException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = {GatewayRefusal.class,
            ApiException.class})
    @CircuitBreakerName("gateway-orders")
    public Uni<OrderOwnership> orderOwnership(String domain, long orderId, String email) {
        return rest.order(orderId, domain, email).map(order -> order == null ? OrderOwnership.NOT_FOUND : OrderOwnership.OWNED)
                .onFailure(GatewayRefusal.class).recoverWithUni(e -> {
                    GatewayRefusal refusal = (GatewayRefusal) e;
                    return refusal(refusal, refusal.status() == 403 ? OrderOwnership.NOT_OWNED : OrderOwnership.NOT_FOUND);
                });
    }

    /** Any failure that is not already an answer becomes 503: the shopper can try again later. */
    public static Throwable unavailable(Throwable failure) {
        if (failure instanceof ApiException) {
            return failure;
        }
        return ApiException.unavailable("gateway_unavailable", "Store data is unavailable right now, try again shortly");
    }

    private static <T> Uni<T> refusal(GatewayRefusal refusal, T answer) {
        if ("tenant_not_found".equals(refusal.code())) {
            return Uni.createFrom().failure(ApiException.notFound("tenant_not_found", "Unknown store"));
        }
        return Uni.createFrom().item(answer);
    }
}
