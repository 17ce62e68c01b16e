package io.csc.chat.client;

/** A called service failed (5xx, or an answer we cannot read). Retried for reads, counted by the circuit breaker. */
public class ServiceFailure extends RuntimeException {
    private final int status;
    private final String code;

    public ServiceFailure(int status, String code) {
        super("failed with " + status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code == null ? "" : code;
    }
}
