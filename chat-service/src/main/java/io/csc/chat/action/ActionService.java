package io.csc.chat.action;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.gate.Gate;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.verification.ConsentRequest;
import io.csc.web.client.ServiceRefusal;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Executes or drops the conversation's pending action when the shopper confirms (the button's id or a clear yes) or
 * declines. Runs before any assistant, in code: no model can confirm on the shopper's behalf. The gate is asked again
 * at execution, since a grant may have ended since the proposal.
 */
@ApplicationScoped
public class ActionService {
    static final String CONSENT = "consent";

    /** How a confirmation turn ended. */
    public enum Result {
        EXECUTED, DECLINED, EXPIRED, REFUSED, CONFLICT, FAILED,
        /** The shopper agreed to the consent question. */
        CONSENTED;

        /** The name counted in metrics. */
        public String metric() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What a confirmation turn answers; for {@link Result#CONSENTED}, {@code replay} is the shopper's message that led
     * to the question, which the turn now answers (null: nothing to answer again, {@code message} is the reply).
     */
    public record Outcome(Result result, String message, String replay) {
        public Outcome(Result result, String message) {
            this(result, message, null);
        }
    }

    static final String CONSENT_DECLINED = "All right, I won't use your email address. Without it I can't look up orders,"
            + " but I'm happy to help with products, stock and the store's policies.";

    private final PendingActionRepository pending;
    private final Gate gate;
    private final OrderChanges changes;
    private final VerificationClient verification;
    private final ChatMetrics metrics;
    private final ChatConfig config;

    public ActionService(PendingActionRepository pending, Gate gate, OrderChanges changes, VerificationClient verification,
            ChatMetrics metrics, ChatConfig config) {
        this.pending = pending;
        this.verification = verification;
        this.config = config;
        this.gate = gate;
        this.changes = changes;
        this.metrics = metrics;
    }

    static final String NO_LONGER_OPEN = "That request is no longer open, so nothing was changed. Tell me again what you"
            + " would like to change and I'll set it up.";
    static final String DECLINED = "All right, I won't make that change. Is there anything else I can help you with?";

    /** What the confirmation rule makes of one shopper message. */
    public enum Decision {
        /** The live proposal's button, or a clear yes while a proposal is live: it is executed. */
        EXECUTE,
        /** A button that is not the live proposal's: nothing is executed, and the live proposal is withdrawn. */
        STALE_BUTTON,
        /** A no or a change of mind while a proposal is live: withdrawn, and the turn says so. */
        DECLINE,
        /** Anything else while a proposal is live: withdrawn, and the assistant answers the message. */
        WITHDRAW_AND_ANSWER,
        /** No proposal is live and no button pressed: the assistant answers. */
        ANSWER
    }

    /**
     * The confirmation rule, as a function of the message alone. A proposal ({@code live}: the one the previous reply
     * made, read from its stored state) is live for exactly this message: it is executed when this message is its button
     * or a clear yes; any other message withdraws it, for good. A button id that is not the live proposal's (withdrawn,
     * expired, executed, another conversation's) changes nothing.
     */
    public static Decision decide(String confirmId, String message, String live) {
        if (confirmId != null && !confirmId.isBlank()) {
            return confirmId.equals(live) ? Decision.EXECUTE : Decision.STALE_BUTTON;
        }
        if (live == null) {
            return Decision.ANSWER;
        }
        if (Confirmation.isYes(message)) {
            return Decision.EXECUTE;
        }
        return Confirmation.isWithdrawal(message) ? Decision.DECLINE : Decision.WITHDRAW_AND_ANSWER;
    }

    /**
     * Whether a yes confirms this kind of proposal: a yes that names cancelling ("cancel it") confirms a proposal to
     * cancel an order, never another change (to "Shall I change the address?" it means the change is off).
     */
    public static boolean confirms(String confirmId, String message, String kind) {
        if (confirmId != null && !confirmId.isBlank()) {
            return true;
        }
        return !(Confirmation.namesCancelling(message) && !OrderChanges.Kind.CANCEL.stored.equals(kind));
    }

    /**
     * Carries out {@link #decide}: answers the turn's outcome, or null when the assistant answers the message (a live
     * proposal was withdrawn by then).
     */
    public Uni<Outcome> handle(TurnContext ctx, String confirmId, String message, String live) {
        return switch (decide(confirmId, message, live)) {
            case ANSWER -> Uni.createFrom().nullItem();
            case EXECUTE -> pending.find(ctx.conversationId(), live).flatMap(a -> a == null || !"pending".equals(a.state)
                    ? Uni.createFrom().item(new Outcome(Result.EXPIRED, NO_LONGER_OPEN))
                    : confirms(confirmId, message, a.kind)
                            ? execute(ctx, a)
                            : withdraw(ctx, live).map(v -> new Outcome(Result.DECLINED, DECLINED)));
            case STALE_BUTTON -> withdraw(ctx, live).chain(() -> pending.find(ctx.conversationId(), confirmId)).map(a -> {
                metrics.toolCall("confirmation", "stale_button");
                return a != null && CONSENT.equals(a.kind) && "executed".equals(a.state)
                        ? new Outcome(Result.EXPIRED, "Thank you, I have your answer already.")
                        : new Outcome(Result.EXPIRED, NO_LONGER_OPEN);
            });
            case DECLINE -> pending.find(ctx.conversationId(), live).flatMap(a -> withdraw(ctx, live)
                    .map(v -> new Outcome(Result.DECLINED, a != null && CONSENT.equals(a.kind) ? CONSENT_DECLINED : DECLINED)));
            case WITHDRAW_AND_ANSWER -> withdraw(ctx, live).map(v -> (Outcome) null);
        };
    }

    /** Withdraws the conversation's proposals: none can be executed after this. */
    private Uni<Void> withdraw(TurnContext ctx, String live) {
        if (live == null) {
            return Uni.createFrom().voidItem();
        }
        metrics.toolCall("confirmation", "withdrawn");
        return pending.withdraw(ctx.conversationId());
    }

    private Uni<Outcome> execute(TurnContext ctx, PendingActionEntity a) {
        if (CONSENT.equals(a.kind)) {
            return consent(ctx, a);
        }
        return gate.access(ctx).flatMap(access -> {
            if (!access.mayChange(a.orderId == null ? -1 : a.orderId)) {
                metrics.gateRefusal("step_up");
                return pending.settle(a.id, "dropped").map(ok -> new Outcome(Result.REFUSED,
                        "Your verification has ended, so I can't make that change now. Please verify your email again."));
            }
            return pending.settle(a.id, "executed").flatMap(won -> {
                if (!won) {
                    return Uni.createFrom().item(new Outcome(Result.EXPIRED, NO_LONGER_OPEN));
                }
                return run(ctx, a, access.email()).onFailure().recoverWithUni(e -> pending.mark(a.id, "failed")
                        .replaceWith(failure(e)));
            });
        });
    }

    /**
     * The shopper agreed: the consent is recorded with verification-service (with the question's version), then the
     * message that led to the question is answered. Nothing is recorded twice (a double click finds it settled).
     */
    private Uni<Outcome> consent(TurnContext ctx, PendingActionEntity a) {
        return pending.settle(a.id, "executed").flatMap(won -> {
            if (!won) {
                return Uni.createFrom().item(new Outcome(Result.EXPIRED, "Thank you, I have your answer already."));
            }
            return verification.consent(ctx.conversationId(), new ConsentRequest(config.consentTextVersion()))
                    .replaceWith(new Outcome(Result.CONSENTED, "Thank you.", a.payload))
                    .onFailure().recoverWithUni(e -> {
                        Log.warnf("Consent could not be recorded: %s", e.getClass().getSimpleName());
                        return pending.mark(a.id, "failed").replaceWith(new Outcome(Result.FAILED,
                                "I couldn't record your answer right now. Please try again in a moment."));
                    });
        });
    }

    private Uni<Outcome> run(TurnContext ctx, PendingActionEntity a, String email) {
        OrderChanges.Change change = changes.of(a);
        if (change == null) {
            return Uni.createFrom().item(new Outcome(Result.FAILED, "I couldn't complete that request."));
        }
        return changes.execute(ctx, email, change).map(o -> new Outcome(Result.EXECUTED, switch (change.kind()) {
            case CANCEL -> "Done: order #" + number(o) + " is now cancelled.";
            case ADDRESS -> "Done: the shipping address of order #" + number(o) + " is now " + address(o.shipping()) + ".";
            case REFUND_REQUEST -> "Done: your refund request for order #" + change.orderId()
                    + " has been sent to the store's team. They will get back to you by email.";
        }));
    }

    private Outcome failure(Throwable e) {
        if (e instanceof ServiceRefusal r) {
            if (r.status() == 409) {
                return new Outcome(Result.CONFLICT,
                        "The order's status has changed meanwhile, so I couldn't make that change.");
            }
            if (r.status() == 403) {
                metrics.gateRefusal("not_owned");
                return new Outcome(Result.REFUSED, "I couldn't make that change for this order.");
            }
        }
        Log.warnf("Pending action failed: %s", e.getClass().getSimpleName());
        return new Outcome(Result.FAILED,
                "The store cannot be reached right now, so nothing was changed. Please try again in a few minutes.");
    }

    private static String number(OrderSummary o) {
        return o.number() == null || o.number().isBlank() ? Long.toString(o.id()) : o.number();
    }

    private static String address(Address a) {
        if (a == null) {
            return "updated";
        }
        return a.address1() + ", " + a.postcode() + " " + a.city() + ", " + a.country();
    }
}
