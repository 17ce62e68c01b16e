package io.csc.chat.tools;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.action.OrderChanges;
import io.csc.chat.action.OrderChanges.Change;
import io.csc.chat.action.OrderChanges.Kind;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.gate.Gate;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
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
        Language lang = ctx.language();
        return propose(ctx, "proposeCancel", new Change(Kind.CANCEL, orderId, reason, null), Refusals.Purpose.CANCEL,
                o -> Kind.CANCEL.allowedFor(o.status()) ? null : say(lang, "change.cancel.refused", o, null),
                o -> say(lang, "change.cancel.question", o, null),
                o -> say(lang, "change.cancel.label", o, null));
    }

    public Uni<ToolResult> proposeAddressChange(TurnContext ctx, long orderId, Address shipping) {
        if (shipping == null || blank(shipping.address1()) || blank(shipping.city()) || blank(shipping.postcode())
                || shipping.country() == null || shipping.country().length() != 2) {
            return calls.run("proposeAddressChange", Uni.createFrom().item(ToolResult.of("proposeAddressChange",
                    ToolResult.Status.INVALID, ReplyCatalog.text(ctx.language(), "change.address.invalid"))));
        }
        Language lang = ctx.language();
        return propose(ctx, "proposeAddressChange", new Change(Kind.ADDRESS, orderId, null, shipping),
                Refusals.Purpose.ADDRESS,
                o -> !Kind.ADDRESS.allowedFor(o.status()) ? say(lang, "change.address.refused", o, null) : null,
                o -> say(lang, "change.address.question", o, OrderFacts.address(shipping)),
                o -> say(lang, "change.address.label", o, null));
    }

    public Uni<ToolResult> proposeRefund(TurnContext ctx, long orderId, String reason) {
        Language lang = ctx.language();
        return propose(ctx, "proposeRefund", new Change(Kind.REFUND_REQUEST, orderId, reason, null),
                Refusals.Purpose.REFUND,
                o -> Kind.REFUND_REQUEST.allowedFor(o.status()) ? null : say(lang, "change.refund.refused", o, null),
                o -> say(lang, "change.refund.question", o, null),
                o -> say(lang, "change.refund.label", o, null));
    }

    /** A proposal's sentence in the shopper's language: the order's number, status and total (and a new address). */
    private static String say(Language lang, String key, OrderSummary o, String address) {
        Map<String, String> values = new HashMap<>();
        values.put("order", OrderFacts.number(o));
        values.put("status", OrderFacts.statusWords(o.status(), lang));
        values.put("total", OrderFacts.money(o));
        if (address != null) {
            values.put("address", address);
        }
        return ReplyCatalog.text(lang, key, values);
    }

    private Uni<ToolResult> propose(TurnContext ctx, String tool, Change change, Refusals.Purpose what,
            java.util.function.Function<OrderSummary, String> stateRefusal,
            java.util.function.Function<OrderSummary, String> question,
            java.util.function.Function<OrderSummary, String> label) {
        return calls.run(tool, gate.access(ctx).flatMap(access -> {
            ToolResult refusal = refusals.refuseStrong(tool, access, what, ctx.language());
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
                                OrderFacts.facts(order), Ui.confirm(a.id(), label.apply(order)), List.of()));
            }).onFailure(ServiceRefusal.class).recoverWithItem(e -> {
                ServiceRefusal r = (ServiceRefusal) e;
                // one answer for "not yours" and "no such order" (see OrderTools)
                return r.status() == 403 || r.is(404, "order_not_found")
                        ? refusals.notOwned(tool, ctx.language())
                        : ToolResult.unavailable(tool);
            });
        }));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
