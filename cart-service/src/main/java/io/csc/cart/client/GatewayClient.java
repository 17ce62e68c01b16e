package io.csc.cart.client;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.commerce.ItemAvailabilityResponse;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.client.GatewayInternalApi;
import io.csc.web.client.ServiceRefusal;
import io.csc.web.client.StoreUnavailable;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Calls to the commerce gateway with timeouts, retries and circuit breakers, all numbers in configuration
 * ({@code quarkus.fault-tolerance."..."} in application.properties). Every call here may be retried: tenant and stock
 * reads are reads, and coupon creation is idempotent on the gateway side through its {@code reference}. Answers (4xx:
 * an unknown tenant, a refused coupon) and one store's trouble are neither retried nor counted by a breaker: the
 * breakers are shared by every store and must open only for the gateway itself.
 */
@ApplicationScoped
public class GatewayClient {
    private final GatewayInternalApi rest;

    GatewayClient(@RestClient GatewayInternalApi rest) {
        this.rest = rest;
    }

    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-tenants")
    public Uni<TenantSettings> tenant(String domain) {
        return rest.tenant(domain).onFailure(ServiceRefusal.class).transform(e -> {
            ServiceRefusal refusal = (ServiceRefusal) e;
            return refusal.status() == 404
                    ? ApiException.notFound("tenant_not_found", "Unknown store")
                    : refusal.toApiException();
        });
    }

    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-stock")
    public Uni<ItemAvailabilityResponse> checkStock(ItemAvailabilityRequest request) {
        return rest.checkStock(request);
    }

    @Timeout
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("gateway-coupons")
    public Uni<CouponIssued> createCoupon(CouponRequest request) {
        return rest.createCoupon(request);
    }
}
