package io.csc.chat.action;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.gate.Gate;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
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
    /** What a confirmation turn answers; {@code outcome} executed|declined|expired|refused|conflict|failed. */
    public record Outcome(String outcome, String message) {
    }

    private final PendingActionRepository pending;
    private final Gate gate;
    private final GatewayClient gateway;
    private final ObjectMapper json;
    private final ChatMetrics metrics;

    public ActionService(PendingActionRepository pending, Gate gate, GatewayClient gateway, ObjectMapper json,
            ChatMetrics metrics) {
        this.pending = pending;
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
                if (a == null || !"pending".equals(a.state)) {
                    return Uni.createFrom().item(new Outcome("expired",
                            "That request is no longer open. Tell me again what you would like to change and I'll set it up."));
                }
                return execute(ctx, a);
            });
        }
        return pending.live(ctx.conversationId()).flatMap(a -> {
            if (a == null) {
                return Uni.createFrom().nullItem();
            }
            if (Confirmation.isYes(message)) {
                return execute(ctx, a);
            }
            if (Confirmation.isNo(message)) {
                return pending.settle(a.id, "dropped").map(ok -> new Outcome("declined",
                        "All right, I won't make that change. Is there anything else I can help you with?"));
            }
            return Uni.createFrom().nullItem();
        });
    }

    private Uni<Outcome> execute(TurnContext ctx, PendingActionEntity a) {
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
