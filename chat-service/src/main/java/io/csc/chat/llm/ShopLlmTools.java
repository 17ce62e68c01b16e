package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.CartTools;
import io.csc.chat.tools.HandoffTools;

/** The session's cart and the way to a human. */
@ApplicationScoped
public class ShopLlmTools {
    private final CartTools cart;
    private final HandoffTools handoff;
    private final ToolRunner runner;

    public ShopLlmTools(CartTools cart, HandoffTools handoff, ToolRunner runner) {
        this.cart = cart;
        this.handoff = handoff;
        this.runner = runner;
    }

    @Tool("What is in the shopper's cart in this browser session (items, quantities, total).")
    public String cartSummary(InvocationParameters params) {
        return runner.run(params, "cartSummary", cart::summary);
    }

    @Tool("Hand the conversation to the store's staff when the shopper asks for a human or you cannot help.")
    public String handOffToHuman(@P("why the shopper needs a human, in one sentence") String reason,
            @P(value = "the shopper's email for the reply, only if they gave it", required = false) String shopperEmail,
            @P("true only if the shopper agreed to be contacted by email") boolean replyConsent,
            InvocationParameters params) {
        return runner.run(params, "handOffToHuman", ctx -> handoff.handOff(ctx, reason, shopperEmail, replyConsent));
    }
}
