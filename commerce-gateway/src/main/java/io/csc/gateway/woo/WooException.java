package io.csc.gateway.woo;

import io.csc.web.ApiException;

/**
 * A failed call to a store, already translated to what our callers should see: the store unreachable or its breaker
 * open (503), the store refusing our keys (502), a store error (502), or the store's own answer to a bad request
 * (its status and code, e.g. 404 {@code woocommerce_rest_product_invalid_id}).
 */
public class WooException extends ApiException {
    public enum Kind {
        /** Timeout, connection refused, DNS: the store could not be reached. Counts against the breaker. */
        UNAVAILABLE,
        /** The breaker for this store is open: we did not even try. */
        CIRCUIT_OPEN,
        /** 401/403 from the store: our keys are wrong or lack permission. */
        AUTH,
        /** 5xx or an unreadable answer from the store. Counts against the breaker. */
        STORE_ERROR,
        /** The store answered 4xx to what we asked: not a store failure. */
        REJECTED,
        /** The store's host now resolves to an address the gateway may not reach (e.g. DNS rebinding). Never tried. */
        FORBIDDEN_ADDRESS
    }

    private final Kind kind;
    private final int storeStatus;

    public WooException(Kind kind, int status, String code, String message, int storeStatus) {
        super(status, code, message);
        this.kind = kind;
        this.storeStatus = storeStatus;
    }

    public Kind kind() {
        return kind;
    }

    /** The status the store answered with, 0 when it did not answer. */
    public int storeStatus() {
        return storeStatus;
    }

    /** Failures that say the store is unhealthy (what the breaker counts and reads retry on). */
    public boolean storeFailure() {
        return kind == Kind.UNAVAILABLE || kind == Kind.STORE_ERROR;
    }

    public boolean notFound() {
        return kind == Kind.REJECTED && storeStatus == 404;
    }

    static WooException unavailable() {
        return new WooException(Kind.UNAVAILABLE, 503, "store_unavailable", "The store could not be reached", 0);
    }

    static WooException forbiddenAddress() {
        return new WooException(Kind.FORBIDDEN_ADDRESS, 502, "store_address_forbidden",
                "The store's address resolves to a network the gateway may not reach", 0);
    }

    static WooException circuitOpen() {
        return new WooException(Kind.CIRCUIT_OPEN, 503, "store_unavailable",
                "The store is temporarily unavailable (too many recent failures)", 0);
    }

    static WooException auth(int storeStatus) {
        return new WooException(Kind.AUTH, 502, "store_auth_failed",
                "The store refused our API keys: check the consumer key, secret and their read/write permission",
                storeStatus);
    }

    static WooException storeError(int storeStatus) {
        return new WooException(Kind.STORE_ERROR, 502, "store_error", "The store answered with an error (" + storeStatus + ")",
                storeStatus);
    }

    static WooException rejected(int storeStatus, String code, String message) {
        return new WooException(Kind.REJECTED, storeStatus, code == null ? "store_rejected" : code,
                message == null ? "The store rejected the request" : message, storeStatus);
    }
}
