package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.OrderTools;

/** The verified shopper's orders. The gate (grant, ownership) is in chat-core's OrderTools, not here. */
@ApplicationScoped
public class OrderLlmTools {
    private final OrderTools orders;
    private final ToolRunner runner;

    public OrderLlmTools(OrderTools orders, ToolRunner runner) {
        this.orders = orders;
        this.runner = runner;
    }

    @Tool("Status, items, total and shipping of one of the shopper's orders. Requires verification.")
    public String orderStatus(@P("the order number") long orderNumber, InvocationParameters params) {
        return runner.run(params, "orderStatus", ctx -> orders.orderStatus(ctx, orderNumber));
    }

    @Tool("The shopper's recent orders. Requires verification by one-time code or a signed-in account.")
    public String recentOrders(InvocationParameters params) {
        return runner.run(params, "recentOrders", orders::recentOrders);
    }

    @Tool("Shipment tracking of one of the shopper's orders. Requires verification.")
    public String trackOrder(@P("the order number") long orderNumber, InvocationParameters params) {
        return runner.run(params, "trackOrder", ctx -> orders.tracking(ctx, orderNumber));
    }
}
