package io.csc.web.client;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.csc.model.ErrorResponse;

/**
 * The one reading of commerce-gateway's error answers, for every service's {@code @ClientExceptionMapper}:
 * <ul>
 * <li>4xx: {@link GatewayRefusal}, an answer (never retried, never counted by a breaker);</li>
 * <li>5xx naming a store problem: {@link StoreUnavailable}, one tenant's trouble (not retried here, not counted);</li>
 * <li>any other 5xx: {@link GatewayFailure}, the gateway failing (retried, counted).</li>
 * </ul>
 * Every gateway client lists GatewayRefusal, StoreUnavailable and ApiException in {@code abortOn} and {@code skipOn}.
 */
public final class GatewayErrors {
    /** The gateway's codes for "this store cannot be reached or used" (docs/internal-api.md). */
    public static final Set<String> STORE_CODES = Set.of("store_unavailable", "store_auth_failed",
            "woocommerce_not_configured");

    private GatewayErrors() {
    }

    public static RuntimeException toException(Response response) {
        int status = response.getStatus();
        String code = code(response);
        if (status >= 400 && status < 500) {
            return new GatewayRefusal(status, code);
        }
        if (code != null && STORE_CODES.contains(code)) {
            return new StoreUnavailable(status, code);
        }
        return new GatewayFailure(status);
    }

    private static String code(Response response) {
        try {
            ErrorResponse error = response.readEntity(ErrorResponse.class);
            return error == null ? null : error.code();
        } catch (RuntimeException e) {
            // Not our error shape (a proxy's HTML page): the status alone decides.
            return null;
        }
    }
}
