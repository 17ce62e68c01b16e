package io.csc.web.client;

/** commerce-gateway itself failed (5xx that names no store problem): retried, and counted by the circuit breaker. */
public class GatewayFailure extends RuntimeException {
    private final int status;

    public GatewayFailure(int status) {
        super("gateway failed with status " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
