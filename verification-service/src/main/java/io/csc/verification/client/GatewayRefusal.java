package io.csc.verification.client;

/** The gateway answered 403 or 404 with its error code (e.g. {@code order_not_owned}, {@code tenant_not_found}). */
public class GatewayRefusal extends RuntimeException {
    private final int status;
    private final String code;

    public GatewayRefusal(int status, String code) {
        super("gateway refused: " + status + " " + code, null, false, false);
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
