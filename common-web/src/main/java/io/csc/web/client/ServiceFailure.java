package io.csc.web.client;

/**
 * One of our services failed (5xx that names no store problem, or an answer we cannot read): retried where the call
 * may be repeated, and counted by the circuit breaker.
 */
public class ServiceFailure extends RuntimeException {
    private final String service;
    private final int status;
    private final String code;

    public ServiceFailure(String service, int status, String code) {
        super(service + " failed with status " + status + (code == null ? "" : " " + code), null, false, false);
        this.service = service;
        this.status = status;
        this.code = code == null ? "" : code;
    }

    /** The service that failed ({@code commerce-gateway}, {@code cart-service}...). */
    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    /** The error code of the answer, empty when it gave none (a proxy's HTML page, a dropped body). */
    public String code() {
        return code;
    }
}
