package io.csc.web.client;

/**
 * commerce-gateway is fine but one store is not ({@code store_unavailable}, {@code store_auth_failed},
 * {@code woocommerce_not_configured}: docs/internal-api.md "Store failures"). The gateway already retried and keeps a
 * breaker per store; counting this in our breaker would let one broken store switch the service off for every store.
 */
public class StoreUnavailable extends RuntimeException {
    private final int status;
    private final String code;

    public StoreUnavailable(int status, String code) {
        super("store unavailable: " + status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
