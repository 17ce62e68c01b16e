package io.csc.web.client;

import io.csc.web.ApiException;

/**
 * One of our services (commerce-gateway, verification-service, cart-service) answered 4xx: an answer about this request
 * (not owned, not found, invalid, too many attempts), never a sign that the service is failing. Not retried, never
 * counted by a circuit breaker.
 */
public class ServiceRefusal extends ServiceCallException {
    private final long retryAfterSeconds;

    public ServiceRefusal(String service, int status, String code) {
        this(service, status, code, 0);
    }

    /** {@code retryAfterSeconds}: the answer's {@code Retry-After} (a 429's wait), 0 when it gave none. */
    public ServiceRefusal(String service, int status, String code, long retryAfterSeconds) {
        super(service + " refused: " + status + " " + code, service, status, code);
        this.retryAfterSeconds = Math.max(0, retryAfterSeconds);
    }

    /** The seconds after which the service said trying again can succeed ({@code Retry-After}); 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** This status and, unless {@code code} is null, this error code. */
    public boolean is(int status, String code) {
        return status() == status && (code == null || code.equals(code()));
    }

    /**
     * What our own caller gets when no more specific answer applies: 404 stays 404 with the service's code; a request
     * the service or the store found invalid is ours to refuse (400); anything else (401: our token is wrong, 429) is
     * this service being unable to serve, 503.
     */
    public ApiException toApiException() {
        if (status() == 404) {
            return ApiException.notFound(code().isEmpty() ? "not_found" : code(), "Not found in this store");
        }
        if (status() == 400 || status() == 422) {
            return new ApiException(400, "invalid_request", "Invalid request: the store refused it");
        }
        return ApiException.unavailable("gateway_unavailable", "Store data is unavailable right now, try again shortly");
    }
}
