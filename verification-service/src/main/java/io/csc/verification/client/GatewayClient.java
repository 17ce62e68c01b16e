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
import io.csc.web.client.GatewayInternalApi;
import io.csc.web.client.ServiceRefusal;
import io.csc.web.client.StoreUnavailable;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The gateway as verification sees it: reads only, so a failed call is retried; a slow or failing gateway trips the
 * breaker and callers get 503 at once. Answers (4xx, e.g. not owned, not found, invalid) and one store's trouble
 * ({@link StoreUnavailable}) are neither retried nor counted: a breaker shared by every store must only ever open for
 * the gateway itself. Timeouts, retries and breaker numbers are configuration ({@code quarkus.fault-tolerance."..."}
 * in application.properties).
 */
@ApplicationScoped
public class GatewayClient {
    private final GatewayInternalApi rest;

    public GatewayClient(@RestClient GatewayInternalApi rest) {
        this.rest = rest;
    }

    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-tenant")
    public Uni<TenantSettings> tenant(String domain) {
        return rest.tenant(domain).onFailure(ServiceRefusal.class).transform(e -> tenantRefusal((ServiceRefusal) e));
    }

    /** The registered customer with this email, or empty. */
    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-customers")
    public Uni<Optional<CustomerSummary>> customer(String domain, String email) {
        return rest.customer(domain, email).map(Optional::ofNullable)
                .onFailure(ServiceRefusal.class).recoverWithUni(e -> {
                    ServiceRefusal refusal = (ServiceRefusal) e;
                    return refusal.status() == 404 ? answer(refusal, Optional.empty()) : fail(refusal);
                });
    }

    /** Whether the order exists and belongs to this email (billing email or owning customer, decided by the gateway). */
    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-orders")
    public Uni<OrderOwnership> orderOwnership(String domain, long orderId, String email) {
        return rest.order(orderId, domain, email).map(order -> order == null ? OrderOwnership.NOT_FOUND : OrderOwnership.OWNED)
                .onFailure(ServiceRefusal.class).recoverWithUni(e -> {
                    ServiceRefusal refusal = (ServiceRefusal) e;
                    return switch (refusal.status()) {
                        case 403 -> answer(refusal, OrderOwnership.NOT_OWNED);
                        case 404 -> answer(refusal, OrderOwnership.NOT_FOUND);
                        default -> fail(refusal);
                    };
                });
    }

    /** Any failure that is not already an answer becomes 503: the shopper can try again later. */
    public static Throwable unavailable(Throwable failure) {
        if (failure instanceof ApiException) {
            return failure;
        }
        return ApiException.unavailable("gateway_unavailable", "Store data is unavailable right now, try again shortly");
    }

    private static ApiException tenantRefusal(ServiceRefusal refusal) {
        return refusal.status() == 404 ? unknownStore() : refusal.toApiException();
    }

    private static <T> Uni<T> answer(ServiceRefusal refusal, T answer) {
        if ("tenant_not_found".equals(refusal.code())) {
            return Uni.createFrom().failure(unknownStore());
        }
        return Uni.createFrom().item(answer);
    }

    private static <T> Uni<T> fail(ServiceRefusal refusal) {
        return Uni.createFrom().failure(refusal.toApiException());
    }

    private static ApiException unknownStore() {
        return ApiException.notFound("tenant_not_found", "Unknown store");
    }
}
