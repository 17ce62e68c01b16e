package io.csc.web.client;

/**
 * commerce-gateway is fine but one store is not ({@code store_unavailable}, {@code store_auth_failed},
 * {@code woocommerce_not_configured}: docs/internal-api.md "Store failures"). The gateway already retried and keeps a
 * breaker per store; counting this in our breaker would let one broken store switch the service off for every store.
 */
public class StoreUnavailable extends ServiceCallException {

    public StoreUnavailable(String service, int status, String code) {
        super("store unavailable behind " + service + ": " + status + " " + code, service, status, code);
    }
}
