package io.csc.web.client;

import io.csc.web.ApiException;

/**
 * commerce-gateway answered 4xx: an answer about this request (not owned, not found, invalid), never a sign that the
 * gateway is failing. Not retried, never counted by a circuit breaker.
 */
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

    /** The gateway's error code ({@code order_not_owned}, {@code tenant_not_found}...), or null. */
    public String code() {
        return code;
    }

    /**
     * What our own caller gets when no more specific answer applies: 404 stays 404 with the gateway's code; a request
     * the gateway or the store found invalid is ours to refuse (400); anything else (401: our token is wrong, 429) is
     * this service being unable to serve, 503.
     */
    public ApiException toApiException() {
        if (status == 404) {
            return ApiException.notFound(code == null ? "not_found" : code, "Not found in this store");
        }
        if (status == 400 || status == 422) {
            return new ApiException(400, "invalid_request", "Invalid request: the store refused it");
        }
        return ApiException.unavailable("gateway_unavailable", "Store data is unavailable right now, try again shortly");
    }
}
