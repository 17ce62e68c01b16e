package io.csc.chat.action;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.gate.Gate;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.OrderAction;
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

    /**
     * What a confirmation turn answers; {@code outcome} executed|declined|expired|refused|conflict|failed, or
     * consented: the shopper agreed to the consent question, and {@code replay} is their message that led to it, which
     * the turn now answers (null: nothing to answer again, {@code message} is the reply).
     */
    public record Outcome(String outcome, String message, String replay) {
        public Outcome(String outcome, String message) {
            this(outcome, message, null);
        }
    }

    static final String CONSENT_DECLINED = "All right, I won't use your email address. Without it I can't look up orders,"
            + " but I'm happy to help with products, stock and the store's policies.";

    private final PendingActionRepository pending;
    private final Gate gate;
    private final GatewayClient gateway;
    private final VerificationClient verification;
    private final ObjectMapper json;
    private final ChatMetrics metrics;
    private final ChatConfig config;

    public ActionService(PendingActionRepository pending, Gate gate, GatewayClient gateway,
            VerificationClient verification, ObjectMapper json, ChatMetrics metrics, ChatConfig config) {
        this.pending = pending;
        this.verification = verification;
        this.config = config;
        this.gate = gate;
        this.gateway = gateway;
        this.json = json;
        this.metrics = metrics;
    }

    /**
     * Handles a confirmation turn, or answers null when this turn is not one (no confirm id, and no live proposal that
     * the message clearly accepts or declines).
     */
    public Uni<Outcome> handle(TurnContext ctx, String confirmId, String message) {
        if (confirmId != null && !confirmId.isBlank()) {
            return pending.find(ctx.conversationId(), confirmId).flatMap(a -> {
                if (a != null && CONSENT.equals(a.kind) && "executed".equals(a.state)) {
                    return Uni.createFrom().item(new Outcome("expired", "Thank you, I have your answer already."));
                }
                if (a == null || !"pending".equals(a.state)) {
                    return Uni.createFrom().item(new Outcome("expired",
                            "That request is no longer open. Tell me again what you would like to change and I'll set it up."));
                }
                return execute(ctx, a);
            });
        }
        boolean yes = Confirmation.isYes(message);
        if (!yes && !Confirmation.isNo(message)) {
            return Uni.createFrom().nullItem(); // neither: no proposal is looked up, the assistant answers
        }
        return pending.live(ctx.conversationId()).flatMap(a -> {
            if (a == null) {
                return Uni.createFrom().nullItem();
            }
            if (yes) {
                return execute(ctx, a);
            }
            return pending.settle(a.id, "dropped").map(ok -> new Outcome("declined", CONSENT.equals(a.kind)
                    ? CONSENT_DECLINED
                    : "All right, I won't make that change. Is there anything else I can help you with?"));
        });
    }

    private Uni<Outcome> execute(TurnContext ctx, PendingActionEntity a) {
        if (CONSENT.equals(a.kind)) {
            return consent(ctx, a);
        }
        return gate.access(ctx).flatMap(access -> {
            if (!access.strong()) {
                metrics.gateRefusal("step_up");
                return pending.settle(a.id, "dropped").map(ok -> new Outcome("refused",
                        "Your verification has ended, so I can't make that change now. Please verify your email again."));
            }
            return pending.settle(a.id, "executed").flatMap(won -> {
                if (!won) {
                    return Uni.createFrom().item(new Outcome("expired",
                            "That request is no longer open. Tell me again what you would like to change and I'll set it up."));
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
                return Uni.createFrom().item(new Outcome("expired", "Thank you, I have your answer already."));
            }
            return verification.consent(ctx.conversationId(), new ConsentRequest(config.consentTextVersion()))
                    .replaceWith(new Outcome("consented", "Thank you.", a.payload))
                    .onFailure().recoverWithUni(e -> {
                        Log.warnf("Consent could not be recorded: %s", e.getClass().getSimpleName());
                        return pending.mark(a.id, "failed").replaceWith(new Outcome("failed",
                                "I couldn't record your answer right now. Please try again in a moment."));
                    });
        });
    }

    private Uni<Outcome> run(TurnContext ctx, PendingActionEntity a, String email) {
        Map<String, Object> payload = payload(a.payload);
        String reason = payload.get("reason") instanceof String s ? s : null;
        return switch (a.kind) {
            case "cancel" -> gateway.cancel(a.orderId, new OrderAction(ctx.domain(), email, reason))
                    .map(o -> new Outcome("executed", "Done: order #" + number(o) + " is now cancelled."));
            case "address_change" -> gateway
                    .changeShipping(a.orderId,
                            new AddressChange(ctx.domain(), email, json.convertValue(payload, Address.class)))
                    .map(o -> new Outcome("executed", "Done: the shipping address of order #" + number(o) + " is now "
                            + address(o.shipping()) + "."));
            case "refund_request" -> gateway.refundRequest(a.orderId, new OrderAction(ctx.domain(), email, reason))
                    .map(v -> new Outcome("executed", "Done: your refund request for order #" + a.orderId
                            + " has been sent to the store's team. They will get back to you by email."));
            default -> Uni.createFrom().item(new Outcome("failed", "I couldn't complete that request."));
        };
    }

    private Outcome failure(Throwable e) {
        if (e instanceof ServiceRefusal r) {
            if (r.status() == 409) {
                return new Outcome("conflict", "The order's status has changed meanwhile, so I couldn't make that change.");
            }
            if (r.status() == 403) {
                metrics.gateRefusal("not_owned");
                return new Outcome("refused", "I couldn't make that change for this order.");
            }
        }
        Log.warnf("Pending action failed: %s", e.getClass().getSimpleName());
        return new Outcome("failed",
                "The store cannot be reached right now, so nothing was changed. Please try again in a few minutes.");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> payload(String text) {
        if (text == null) {
            return Map.of();
        }
        try {
            return json.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            return Map.of();
        }
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
