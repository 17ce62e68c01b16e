package io.csc.web.client;

/**
 * One of our services failed (5xx that names no store problem, or an answer we cannot read): retried where the call
 * may be repeated, and counted by the circuit breaker.
 */
public class ServiceFailure extends ServiceCallException {

    public ServiceFailure(String service, int status, String code) {
        super(service + " failed with status " + status + (code == null ? "" : " " + code), service, status, code);
    }
}
