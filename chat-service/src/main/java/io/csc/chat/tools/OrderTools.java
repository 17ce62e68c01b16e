package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.smallrye.mutiny.Uni;

/** Reading the verified shopper's orders. */
@ApplicationScoped
public class OrderTools {

    public Uni<ToolResult> orderStatus(TurnContext ctx, long orderId) {
        return Uni.createFrom().item(ToolResult.unavailable("orderStatus"));
    }

    public Uni<ToolResult> recentOrders(TurnContext ctx) {
        return Uni.createFrom().item(ToolResult.unavailable("recentOrders"));
    }

    public Uni<ToolResult> tracking(TurnContext ctx, long orderId) {
        return Uni.createFrom().item(ToolResult.unavailable("tracking"));
    }
}
