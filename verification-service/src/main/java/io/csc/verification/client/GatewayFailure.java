package io.csc.verification.client;

/** The gateway answered with an error status other than 403/404 (it or the store behind it is failing). */
public class GatewayFailure extends RuntimeException {
    public GatewayFailure(int status) {
        super("gateway failed with status " + status, null, false, false);
    }
}
