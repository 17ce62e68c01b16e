package io.csc.chat.tools;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.action.OrderChanges;
import io.csc.chat.action.OrderChanges.Change;
import io.csc.chat.action.OrderChanges.Kind;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.gate.Gate;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.OrderSummary;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;

/**
 * Proposing changes to an order. Each needs a one-time code or a signed identity, checks that the order is the
 * shopper's and that its state allows the change ({@link OrderChanges}, the one path of a change), and then only
 * records a pending action: nothing changes until the shopper's next message confirms it (chat-core executes it, never
 * a model).
 */
@ApplicationScoped
public class OrderChangeTools {
    private final Gate gate;
    private final Refusals refusals;
    private final GatewayClient gateway;
    private final OrderChanges changes;
    private final ToolCalls calls;

    public OrderChangeTools(Gate gate, Refusals refusals, GatewayClient gateway, OrderChanges changes, ToolCalls calls) {
        this.gate = gate;
        this.refusals = refusals;
        this.gateway = gateway;
        this.changes = changes;
        this.calls = calls;
    }

    public Uni<ToolResult> proposeCancel(TurnContext ctx, long orderId, String reason) {
        return propose(ctx, "proposeCancel", new Change(Kind.CANCEL, orderId, reason, null), "cancel an order",
                o -> Kind.CANCEL.allowedFor(o.status())
                        ? null
                        : "Order #" + OrderFacts.number(o) + " is " + OrderFacts.statusWords(o.status())
                                + " and can no longer be cancelled. Only pending, processing or on-hold orders can be cancelled.",
                o -> "I can cancel order #" + OrderFacts.number(o) + " (" + OrderFacts.statusWords(o.status()) + ", "
                        + money(o) + "). Shall I cancel it? Please confirm.",
                o -> "Cancel order #" + OrderFacts.number(o));
    }

    public Uni<ToolResult> proposeAddressChange(TurnContext ctx, long orderId, Address shipping) {
        if (shipping == null || blank(shipping.address1()) || blank(shipping.city()) || blank(shipping.postcode())
                || shipping.country() == null || shipping.country().length() != 2) {
            return calls.run("proposeAddressChange", Uni.createFrom().item(ToolResult.of("proposeAddressChange",
                    ToolResult.Status.INVALID,
                    "Please give the full new address: street and number, postcode, city and country.")));
        }
        return propose(ctx, "proposeAddressChange", new Change(Kind.ADDRESS, orderId, null, shipping),
                "change a shipping address", o -> !Kind.ADDRESS.allowedFor(o.status())
                        ? "Order #" + OrderFacts.number(o) + " is " + OrderFacts.statusWords(o.status())
                                + ", so its shipping address can no longer be changed."
                        : null,
                o -> "I can change the shipping address of order #" + OrderFacts.number(o) + " to: "
                        + OrderFacts.address(shipping)
                        + ". Shall I make this change? Please confirm.",
                o -> "Change the address of order #" + OrderFacts.number(o));
    }

    public Uni<ToolResult> proposeRefund(TurnContext ctx, long orderId, String reason) {
        return propose(ctx, "proposeRefund", new Change(Kind.REFUND_REQUEST, orderId, reason, null), "request a refund",
                o -> Kind.REFUND_REQUEST.allowedFor(o.status())
                        ? null
                        : "Order #" + OrderFacts.number(o) + " is " + OrderFacts.statusWords(o.status())
                                + ", so a refund cannot be requested for it. Refunds can be requested for completed or processing orders.",
                o -> "I can send a refund request for order #" + OrderFacts.number(o) + " (" + money(o)
                        + ") to the store's team, who decide on it. Shall I send it? Please confirm.",
                o -> "Request a refund for order #" + OrderFacts.number(o));
    }

    private Uni<ToolResult> propose(TurnContext ctx, String tool, Change change, String what,
            java.util.function.Function<OrderSummary, String> stateRefusal,
            java.util.function.Function<OrderSummary, String> question,
            java.util.function.Function<OrderSummary, String> label) {
        return calls.run(tool, gate.access(ctx).flatMap(access -> {
            ToolResult refusal = refusals.refuseStrong(tool, access, what);
            if (refusal != null) {
                return Uni.createFrom().item(refusal);
            }
            return gateway.order(ctx.domain(), change.orderId(), access.email()).flatMap(order -> {
                String conflict = stateRefusal.apply(order);
                if (conflict != null) {
                    return Uni.createFrom().item(new ToolResult(tool, ToolResult.Status.CONFLICT, conflict, order,
                            OrderFacts.facts(order), null, List.of()));
                }
                return changes.propose(ctx, change)
                        .map(a -> new ToolResult(tool, ToolResult.Status.PENDING_CONFIRMATION, question.apply(order), order,
                                OrderFacts.facts(order), Ui.confirm(a.id, label.apply(order)), List.of()));
            }).onFailure(ServiceRefusal.class).recoverWithItem(e -> {
                ServiceRefusal r = (ServiceRefusal) e;
                // one answer for "not yours" and "no such order" (see OrderTools)
                return r.status() == 403 || r.is(404, "order_not_found")
                        ? refusals.notOwned(tool)
                        : ToolResult.unavailable(tool);
            });
        }));
    }

    private static String money(OrderSummary o) {
        return (o.currency() == null ? "" : o.currency() + " ") + (o.total() == null ? "" : o.total());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
