package io.csc.chat.tools;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.gate.Gate;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.OrderSummary;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;

/**
 * Reading the verified shopper's orders. The gate decides first; then the gateway is asked with the verified email
 * only, and refuses (403) an order of anyone else whatever the order number.
 */
@ApplicationScoped
public class OrderTools {
    static final int RECENT_ORDERS = 5;

    private final Gate gate;
    private final Refusals refusals;
    private final GatewayClient gateway;
    private final ToolCalls calls;

    public OrderTools(Gate gate, Refusals refusals, GatewayClient gateway, ToolCalls calls) {
        this.gate = gate;
        this.refusals = refusals;
        this.gateway = gateway;
        this.calls = calls;
    }

    public Uni<ToolResult> orderStatus(TurnContext ctx, long orderId) {
        return calls.run("orderStatus", readOrder(ctx, "orderStatus", orderId, o -> OrderFacts.status(o, ctx.language())));
    }

    public Uni<ToolResult> tracking(TurnContext ctx, long orderId) {
        return calls.run("tracking", readOrder(ctx, "tracking", orderId, o -> {
            Language lang = ctx.language();
            String tracking = OrderFacts.trackingText(o, lang);
            String status = ReplyCatalog.text(lang, "order.status",
                    Map.of("order", OrderFacts.number(o), "status", OrderFacts.statusWords(o.status(), lang)));
            return status + " " + (tracking.isEmpty() ? ReplyCatalog.text(lang, "order.no.tracking") : tracking);
        }));
    }

    public Uni<ToolResult> recentOrders(TurnContext ctx) {
        String tool = "recentOrders";
        return calls.run(tool, gate.access(ctx).flatMap(access -> {
            ToolResult refusal = refusals.refuseStrong(tool, access, Refusals.Purpose.LIST, ctx.language());
            if (refusal != null) {
                return Uni.createFrom().item(refusal);
            }
            return gateway.orders(ctx.domain(), access.email(), RECENT_ORDERS).map(orders -> {
                if (orders.isEmpty()) {
                    return new ToolResult(tool, ToolResult.Status.OK, ReplyCatalog.text(ctx.language(), "order.none"),
                            orders, List.of(), null, List.of());
                }
                String text = ReplyCatalog.text(ctx.language(), "order.recent", Map.of("orders", orders.stream()
                        .map(o -> OrderFacts.line(o, ctx.language())).collect(Collectors.joining("; "))));
                return new ToolResult(tool, ToolResult.Status.OK, text, orders,
                        orders.stream().flatMap(o -> OrderFacts.facts(o).stream()).toList(), null, List.of());
            });
        }));
    }

    private Uni<ToolResult> readOrder(TurnContext ctx, String tool, long orderId,
            java.util.function.Function<OrderSummary, String> render) {
        return gate.access(ctx).flatMap(access -> {
            ToolResult refusal = refusals.refuseRead(tool, access, orderId, ctx.language());
            if (refusal != null) {
                return Uni.createFrom().item(refusal);
            }
            return gateway.order(ctx.domain(), orderId, access.email())
                    .map(o -> new ToolResult(tool, ToolResult.Status.OK, render.apply(o), o, OrderFacts.facts(o), null,
                            List.of()))
                    .onFailure(ServiceRefusal.class)
                    .recoverWithItem(e -> refusal(tool, (ServiceRefusal) e, ctx.language()));
        });
    }

    ToolResult refusal(String tool, ServiceRefusal e, Language lang) {
        if (e.status() == 403 || e.is(404, "order_not_found")) {
            // one answer for "not yours" and "no such order": an order number alone must not reveal that it exists
            return refusals.notOwned(tool, lang);
        }
        if (e.status() == 409) {
            return ToolResult.of(tool, ToolResult.Status.CONFLICT, ReplyCatalog.text(lang, "order.conflict"));
        }
        return ToolResult.unavailable(tool);
    }
}
