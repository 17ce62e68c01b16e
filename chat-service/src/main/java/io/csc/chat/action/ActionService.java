package io.csc.chat.action;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.gate.Gate;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
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
        Language lang = ctx.language();
        return switch (decide(confirmId, message, live)) {
            case ANSWER -> Uni.createFrom().nullItem();
            case EXECUTE -> pending.find(ctx.conversationId(), live).flatMap(a -> a == null || !"pending".equals(a.state())
                    ? Uni.createFrom().item(new Outcome(Result.EXPIRED, say(lang, "action.no.longer.open")))
                    : confirms(confirmId, message, a.kind())
                            ? execute(ctx, a)
                            : withdraw(ctx, live).map(v -> new Outcome(Result.DECLINED, say(lang, "action.declined"))));
            case STALE_BUTTON -> withdraw(ctx, live).chain(() -> pending.find(ctx.conversationId(), confirmId)).map(a -> {
                metrics.toolCall("confirmation", "stale_button");
                return a != null && CONSENT.equals(a.kind()) && "executed".equals(a.state())
                        ? new Outcome(Result.EXPIRED, say(lang, "consent.already"))
                        : new Outcome(Result.EXPIRED, say(lang, "action.no.longer.open"));
            });
            case DECLINE -> pending.find(ctx.conversationId(), live).flatMap(a -> withdraw(ctx, live)
                    .map(v -> new Outcome(Result.DECLINED,
                            say(lang, a != null && CONSENT.equals(a.kind()) ? "consent.declined" : "action.declined"))));
            case WITHDRAW_AND_ANSWER -> withdraw(ctx, live).map(v -> (Outcome) null);
        };
    }

    /** The confirmation step's sentences, in the shopper's language (English texts as the constants above). */
    private static String say(Language lang, String key) {
        return ReplyCatalog.text(lang, key);
    }

    /** Withdraws the conversation's proposals: none can be executed after this. */
    private Uni<Void> withdraw(TurnContext ctx, String live) {
        if (live == null) {
            return Uni.createFrom().voidItem();
        }
        metrics.toolCall("confirmation", "withdrawn");
        return pending.withdraw(ctx.conversationId());
    }

    private Uni<Outcome> execute(TurnContext ctx, PendingAction a) {
        if (CONSENT.equals(a.kind())) {
            return consent(ctx, a);
        }
        Language lang = ctx.language();
        return gate.access(ctx).flatMap(access -> {
            if (!access.mayChange(a.orderId() == null ? -1 : a.orderId())) {
                metrics.gateRefusal("step_up");
                return pending.settle(a.id(), "dropped").map(ok -> new Outcome(Result.REFUSED,
                        say(lang, "action.verification.ended")));
            }
            return pending.settle(a.id(), "executed").flatMap(won -> {
                if (!won) {
                    return Uni.createFrom().item(new Outcome(Result.EXPIRED, say(lang, "action.no.longer.open")));
                }
                return run(ctx, a, access.email()).onFailure().recoverWithUni(e -> pending.mark(a.id(), "failed")
                        .replaceWith(failure(e, lang)));
            });
        });
    }

    /**
     * The shopper agreed: the consent is recorded with verification-service (with the question's version), then the
     * message that led to the question is answered. Nothing is recorded twice (a double click finds it settled).
     */
    private Uni<Outcome> consent(TurnContext ctx, PendingAction a) {
        Language lang = ctx.language();
        return pending.settle(a.id(), "executed").flatMap(won -> {
            if (!won) {
                return Uni.createFrom().item(new Outcome(Result.EXPIRED, say(lang, "consent.already")));
            }
            return verification.consent(ctx.conversationId(), new ConsentRequest(config.consentTextVersion()))
                    .replaceWith(new Outcome(Result.CONSENTED, say(lang, "consent.thanks"), a.payload()))
                    .onFailure().recoverWithUni(e -> {
                        Log.warnf("Consent could not be recorded: %s", e.getClass().getSimpleName());
                        return pending.mark(a.id(), "failed").replaceWith(new Outcome(Result.FAILED,
                                say(lang, "consent.failed")));
                    });
        });
    }

    private Uni<Outcome> run(TurnContext ctx, PendingAction a, String email) {
        OrderChanges.Change change = changes.of(a);
        Language lang = ctx.language();
        if (change == null) {
            return Uni.createFrom().item(new Outcome(Result.FAILED, say(lang, "action.incomplete")));
        }
        return changes.execute(ctx, email, change).map(o -> new Outcome(Result.EXECUTED, switch (change.kind()) {
            case CANCEL -> ReplyCatalog.text(lang, "done.cancel", Map.of("order", number(o)));
            case ADDRESS -> ReplyCatalog.text(lang, "done.address",
                    Map.of("order", number(o), "address", address(o.shipping())));
            case REFUND_REQUEST -> ReplyCatalog.text(lang, "done.refund", Map.of("order", change.orderId()));
        }));
    }

    private Outcome failure(Throwable e, Language lang) {
        if (e instanceof ServiceRefusal r) {
            if (r.status() == 409) {
                return new Outcome(Result.CONFLICT, say(lang, "action.conflict"));
            }
            if (r.status() == 403) {
                metrics.gateRefusal("not_owned");
                return new Outcome(Result.REFUSED, say(lang, "action.refused"));
            }
        }
        Log.warnf("Pending action failed: %s", e.getClass().getSimpleName());
        return new Outcome(Result.FAILED, say(lang, "action.unreachable"));
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
