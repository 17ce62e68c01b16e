package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.smallrye.mutiny.Uni;

/** The session's cart as cart-service knows it. */
@ApplicationScoped
public class CartTools {

    public Uni<ToolResult> summary(TurnContext ctx) {
        return Uni.createFrom().item(ToolResult.unavailable("summary"));
    }
}
