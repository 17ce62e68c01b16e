package io.csc.web.client;

/**
 * A call to one of our services that did not succeed, as {@link ServiceErrors} read the answer: which service, the
 * HTTP status and the error code. The subclass says what it means for retries and breakers.
 */
public abstract class ServiceCallException extends RuntimeException {
    private final String service;
    private final int status;
    private final String code;

    protected ServiceCallException(String message, String service, int status, String code) {
        super(message, null, false, false);
        this.service = service;
        this.status = status;
        this.code = code == null ? "" : code;
    }

    /** The service called ({@code commerce-gateway}, {@code cart-service}...). */
    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The error code of the answer ({@code order_not_owned}, {@code store_unavailable}...), empty when it gave none. */
    public String code() {
        return code;
    }
}
