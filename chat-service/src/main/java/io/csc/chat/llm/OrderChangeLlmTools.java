package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.OrderChangeTools;
import io.csc.model.commerce.Address;

/**
 * Changes to an order, as proposals only: each records a pending action that the shopper confirms in a later turn
 * (button or clear yes), handled by chat-core before any assistant runs. No tool here changes an order.
 */
@ApplicationScoped
public class OrderChangeLlmTools {
    private final OrderChangeTools changes;
    private final ToolRunner runner;

    public OrderChangeLlmTools(OrderChangeTools changes, ToolRunner runner) {
        this.changes = changes;
        this.runner = runner;
    }

    @Tool("Propose cancelling one of the shopper's orders. Nothing changes until the shopper confirms.")
    public String requestCancellation(@P("the order number") long orderNumber,
            @P(value = "the shopper's reason", required = false) String reason, InvocationParameters params) {
        return runner.run(params, "requestCancellation", ctx -> changes.proposeCancel(ctx, orderNumber, reason));
    }

    @Tool("Propose a new shipping address for one of the shopper's orders. Nothing changes until the shopper confirms.")
    public String requestAddressChange(@P("the order number") long orderNumber,
            @P(value = "first name", required = false) String firstName,
            @P(value = "last name", required = false) String lastName,
            @P("street address") String address1,
            @P(value = "apartment, suite, etc.", required = false) String address2,
            @P("city") String city,
            @P(value = "state or county", required = false) String state,
            @P("postcode") String postcode,
            @P("two-letter country code, e.g. US") String country,
            InvocationParameters params) {
        Address shipping = new Address(firstName, lastName, null, address1, address2, city, state, postcode, country,
                null);
        return runner.run(params, "requestAddressChange", ctx -> changes.proposeAddressChange(ctx, orderNumber, shipping));
    }

    @Tool("Propose a refund request for one of the shopper's orders. Nothing changes until the shopper confirms.")
    public String requestRefund(@P("the order number") long orderNumber,
            @P(value = "the shopper's reason", required = false) String reason, InvocationParameters params) {
        return runner.run(params, "requestRefund", ctx -> changes.proposeRefund(ctx, orderNumber, reason));
    }
}
