package io.csc.chat.client;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.PriceFormat;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StorePages;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.TenantSettingsCache;
import io.csc.web.client.GatewayInternalApi;
import io.csc.web.client.ServiceRefusal;
import io.csc.web.client.StoreUnavailable;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;

/**
 * The gateway as chat sees it. Reads are retried; writes (cancel, address, refund request) never, since a retry after a
 * lost answer could act twice. Refusals (4xx) and one store's trouble ({@link StoreUnavailable}) are neither retried
 * nor counted: the breakers are shared by every store and must open only for the gateway itself. Timeouts, retries and
 * breaker numbers are configuration ({@code quarkus.fault-tolerance."..."} in application.properties).
 */
@ApplicationScoped
@Timeout
@CircuitBreaker(skipOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
public class GatewayClient {
    /** Tenant settings change rarely (origins, support email): kept briefly, as DESIGN.md asks of every reader. */
    private static final Duration TENANT_TTL = Duration.ofSeconds(30);

    private final GatewayInternalApi rest;
    private final TenantSettingsCache tenants;

    public GatewayClient(@RestClient GatewayInternalApi rest, Clock clock) {
        this.rest = rest;
        this.tenants = new TenantSettingsCache(rest::tenant, clock, TENANT_TTL);
    }

    /** The store's settings; fails with {@link ServiceRefusal} 404 {@code tenant_not_found} for an unknown store. */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-tenant")
    public Uni<TenantSettings> tenant(String domain) {
        return tenants.get(domain);
    }

    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-products")
    public Uni<List<ProductSummary>> products(String domain, String search, String sku, int limit) {
        return rest.products(domain, search, sku, limit).map(list -> list == null ? List.of() : list);
    }

    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-product")
    public Uni<ProductSummary> product(String domain, long id) {
        return rest.product(id, domain);
    }

    /**
     * How the store writes prices (cards, product answers), or empty when the gateway cannot say: the cards then show the plain
     * amount and currency code, a degraded answer rather than a failed turn ({@link #noPriceFormat}).
     */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-price-format")
    @Fallback(fallbackMethod = "noPriceFormat")
    public Uni<Optional<PriceFormat>> priceFormat(String domain) {
        return rest.priceFormat(domain).map(Optional::ofNullable);
    }

    Uni<Optional<PriceFormat>> noPriceFormat(String domain) {
        return Uni.createFrom().item(Optional.empty());
    }

    /**
     * The store's own shop pages (the cart card's link), or {@link StorePages#NONE} when the gateway cannot say: the
     * cart card then has no link.
     */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-store-pages")
    @Fallback(fallbackMethod = "noStorePages")
    public Uni<StorePages> storePages(String domain) {
        return rest.storePages(domain).map(p -> p == null ? StorePages.NONE : p);
    }

    Uni<StorePages> noStorePages(String domain) {
        return Uni.createFrom().item(StorePages.NONE);
    }

    /**
     * The store's time zone as the gateway reads it from the store ({@code timeZone}, {@code source}); UTC with source
     * {@code default} when the gateway cannot say.
     */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-time-zone")
    @Fallback(fallbackMethod = "utc")
    public Uni<java.util.Map<String, String>> timeZone(String domain) {
        return rest.timeZone(domain).map(z -> z == null || z.get("timeZone") == null ? UTC : z);
    }

    private static final java.util.Map<String, String> UTC = java.util.Map.of("timeZone", "UTC", "source", "default");

    Uni<java.util.Map<String, String>> utc(String domain) {
        return Uni.createFrom().item(UTC);
    }

    /** The registered customer with this email, or empty. */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-customer")
    public Uni<Optional<CustomerSummary>> customer(String domain, String email) {
        return rest.customer(domain, email).map(Optional::ofNullable).onFailure(ServiceRefusal.class)
                .recoverWithUni(e -> ((ServiceRefusal) e).is(404, "customer_not_found")
                        ? Uni.createFrom().item(Optional.empty())
                        : Uni.createFrom().failure(e));
    }

    /** Orders of this (verified) email, newest first. */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-orders")
    public Uni<List<OrderSummary>> orders(String domain, String email, int limit) {
        return rest.orders(domain, email, limit).map(list -> list == null ? List.of() : list);
    }

    /** One order of this (verified) email; 403 {@code order_not_owned} / 404 {@code order_not_found} as refusals. */
    @Retry(abortOn = {ServiceRefusal.class, StoreUnavailable.class, ApiException.class})
    @CircuitBreakerName("chat-gateway-order")
    public Uni<OrderSummary> order(String domain, long orderId, String email) {
        return rest.order(orderId, domain, email);
    }

    @CircuitBreakerName("chat-gateway-cancel")
    public Uni<OrderSummary> cancel(long orderId, OrderAction action) {
        return rest.cancel(orderId, action);
    }

    @CircuitBreakerName("chat-gateway-shipping")
    public Uni<OrderSummary> changeShipping(long orderId, AddressChange change) {
        return rest.changeShipping(orderId, change);
    }

    @CircuitBreakerName("chat-gateway-refund")
    public Uni<Void> refundRequest(long orderId, OrderAction action) {
        return rest.refundRequest(orderId, action).replaceWithVoid();
    }

    @CircuitBreakerName("chat-gateway-privacy")
    public Uni<PrivacyExport> privacyExport(PrivacyRequest request) {
        return rest.privacyExport(request);
    }

    @CircuitBreakerName("chat-gateway-privacy-delete")
    public Uni<PrivacyDeletion> privacyDelete(PrivacyRequest request) {
        return rest.privacyDelete(request);
    }
}
