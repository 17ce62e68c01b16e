package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.model.commerce.Address;
import io.smallrye.mutiny.Uni;

/** Proposing changes to an order: each only records a pending action the shopper must confirm. */
@ApplicationScoped
public class OrderChangeTools {

    public Uni<ToolResult> proposeCancel(TurnContext ctx, long orderId, String reason) {
        return Uni.createFrom().item(ToolResult.unavailable("proposeCancel"));
    }

    public Uni<ToolResult> proposeAddressChange(TurnContext ctx, long orderId, Address shipping) {
        return Uni.createFrom().item(ToolResult.unavailable("proposeAddressChange"));
    }

    public Uni<ToolResult> proposeRefund(TurnContext ctx, long orderId, String reason) {
        return Uni.createFrom().item(ToolResult.unavailable("proposeRefund"));
    }
}
