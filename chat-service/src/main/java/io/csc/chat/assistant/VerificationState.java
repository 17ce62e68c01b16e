package io.csc.chat.assistant;

import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Whether this conversation has ever asked verification-service for a grant (a simple match, a one-time code sent or
 * checked). Grants exist only through those calls, and chat-service makes every one of them, so a conversation that
 * never started verification holds no grant: the gate answers "not verified" without asking verification-service,
 * which most turns (product and store questions) never need. The mark is stored before the call that could create a
 * grant ({@code conversation.verification_started_at}), so a crash in between errs towards asking.
 * <p>
 * It also knows whether the shopper has given consent to the use of their email address for finding their orders
 * ({@code conversation.consent_at}), asked once per conversation before the first verification step.
 * <p>
 * One per turn, shared by everything that runs in it: a verification started in this turn is seen by the rest of it.
 */
public final class VerificationState {
    private volatile boolean started;
    private volatile boolean recorded;
    private volatile boolean consented;
    /** The turn's order-access policy once read (see {@code Gate}), shared by every tool of the turn. */
    private volatile Uni<?> policy;

    /** @param recorded the conversation already carries the mark */
    public VerificationState(boolean recorded) {
        this(recorded, false);
    }

    /**
     * @param recorded the conversation already carries the mark
     * @param consented the shopper gave consent in this conversation
     */
    public VerificationState(boolean recorded, boolean consented) {
        this.started = recorded;
        this.recorded = recorded;
        this.consented = consented;
    }

    /** A state that always asks verification-service (where the conversation's history is not known). */
    public static VerificationState unknown() {
        VerificationState s = new VerificationState(false);
        s.started = true;
        return s;
    }

    /** The turn's order-access policy: computed by {@code compute} on first use, then the same answer all turn. */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> policy(Supplier<Uni<T>> compute) {
        Uni<?> p = policy;
        if (p == null) {
            p = compute.get().memoize().indefinitely();
            policy = p;
        }
        return (Uni<T>) p;
    }

    /** The grant may have changed (a verification step ran): the policy is read again when next asked. */
    public void forgetPolicy() {
        policy = null;
    }

    public boolean consented() {
        return consented;
    }

    public void markConsented() {
        consented = true;
    }

    public boolean started() {
        return started;
    }

    /** Marks verification as started; true when the conversation does not carry the mark yet: the caller stores it. */
    public boolean markStarted() {
        started = true;
        if (recorded) {
            return false;
        }
        recorded = true;
        return true;
    }
}
