package io.csc.cart.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.StockCheckRequest;
import io.csc.model.commerce.StockCheckResponse;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * Calls to the commerce gateway with timeouts, retries and circuit breakers. Every call here may be retried: tenant
 * and stock reads are reads, and coupon creation is idempotent on the gateway side through its {@code reference}.
 * An unknown tenant is an answer (404), not a failure: it neither retries nor counts against the breaker.
 */
@ApplicationScoped
public class GatewayClient {
    private final GatewayRestClient rest;

    GatewayClient(@RestClient GatewayRestClient rest) {
        this.rest = rest;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100, abortOn = ApiException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = ApiException.class)
    @CircuitBreakerName("gateway-tenants")
    public Uni<TenantSettings> tenant(String domain) {
        return rest.tenant(domain).onFailure(GatewayClient::notFound)
                .transform(e -> ApiException.notFound("tenant_not_found", "Unknown store"));
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("gateway-stock")
    public Uni<StockCheckResponse> checkStock(StockCheckRequest request) {
        return rest.checkStock(request);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 500)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @CircuitBreakerName("gateway-coupons")
    public Uni<CouponIssued> createCoupon(CouponRequest request) {
        return rest.createCoupon(request);
    }

    private static boolean notFound(Throwable e) {
        return e instanceof WebApplicationException w && w.getResponse().getStatus() == 404;
    }
}
