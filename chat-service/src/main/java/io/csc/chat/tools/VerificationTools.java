package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.smallrye.mutiny.Uni;

/** Proving who the shopper is: simple match, one-time code, the current grant. */
@ApplicationScoped
public class VerificationTools {

    public Uni<ToolResult> startSimple(TurnContext ctx, String email, Long orderNumber) {
        return Uni.createFrom().item(ToolResult.unavailable("startSimple"));
    }

    public Uni<ToolResult> sendCode(TurnContext ctx, String email) {
        return Uni.createFrom().item(ToolResult.unavailable("sendCode"));
    }

    public Uni<ToolResult> verifyCode(TurnContext ctx, String email, String code) {
        return Uni.createFrom().item(ToolResult.unavailable("verifyCode"));
    }

    public Uni<ToolResult> status(TurnContext ctx) {
        return Uni.createFrom().item(ToolResult.unavailable("status"));
    }
}
