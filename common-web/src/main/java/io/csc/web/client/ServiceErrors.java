package io.csc.web.client;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.csc.model.ErrorResponse;

/**
 * The one reading of our services' error answers, for every REST client's {@code @ClientExceptionMapper}:
 * <ul>
 * <li>4xx: {@link ServiceRefusal}, an answer (never retried, never counted by a breaker);</li>
 * <li>5xx naming a store problem: {@link StoreUnavailable}, one tenant's trouble (not retried here, not counted);</li>
 * <li>any other 5xx: {@link ServiceFailure}, the service failing (retried, counted).</li>
 * </ul>
 * Every client lists ServiceRefusal, StoreUnavailable (and ApiException where its own code throws one) in
 * {@code abortOn} and {@code skipOn}: a breaker shared by every store must open only for the service itself.
 */
public final class ServiceErrors {
    /** commerce-gateway's codes for "this store cannot be reached or used" (docs/internal-api.md). */
    public static final Set<String> STORE_CODES = Set.of("store_unavailable", "store_auth_failed",
            "woocommerce_not_configured", "store_keys_unreadable");

    private ServiceErrors() {
    }

    /** {@code service} names the caller's peer in messages ({@code commerce-gateway}, {@code cart-service}...). */
    public static RuntimeException toException(String service, Response response) {
        return toException(service, response.getStatus(), code(response), retryAfter(response));
    }

    static RuntimeException toException(String service, int status, String code) {
        return toException(service, status, code, 0);
    }

    static RuntimeException toException(String service, int status, String code, long retryAfterSeconds) {
        if (status >= 400 && status < 500) {
            return new ServiceRefusal(service, status, code, retryAfterSeconds);
        }
        if (code != null && STORE_CODES.contains(code)) {
            return new StoreUnavailable(service, status, code);
        }
        return new ServiceFailure(service, status, code);
    }

    /** {@code Retry-After} in seconds (our services send seconds, never a date); 0 when absent or unreadable. */
    static long retryAfter(Response response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
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
