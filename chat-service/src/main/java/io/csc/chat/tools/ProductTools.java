package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.smallrye.mutiny.Uni;

/** Public product data: search, details, stock. */
@ApplicationScoped
public class ProductTools {

    public Uni<ToolResult> search(TurnContext ctx, String query) {
        return Uni.createFrom().item(ToolResult.unavailable("search"));
    }

    public Uni<ToolResult> details(TurnContext ctx, long productId) {
        return Uni.createFrom().item(ToolResult.unavailable("details"));
    }

    public Uni<ToolResult> stock(TurnContext ctx, String productNameOrSku) {
        return Uni.createFrom().item(ToolResult.unavailable("stock"));
    }
}
