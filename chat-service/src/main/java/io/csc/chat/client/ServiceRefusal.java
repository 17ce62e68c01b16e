package io.csc.chat.client;

/**
 * A called service answered with a 4xx: an answer (not found, not owned, not cancellable), not a failure. Never trips a
 * circuit breaker and is never retried.
 */
public class ServiceRefusal extends RuntimeException {
    private final int status;
    private final String code;

    public ServiceRefusal(int status, String code) {
        super("refused with " + status + " " + code, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code == null ? "" : code;
    }

    /** The Retry-After a 429 carried, when the caller needs it; not kept here (a refusal is an answer). */
    public boolean is(int status, String code) {
        return this.status == status && (code == null || code.equals(this.code));
    }
}
