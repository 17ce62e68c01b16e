package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.smallrye.mutiny.Uni;

/** Handing the conversation to the store's staff. */
@ApplicationScoped
public class HandoffTools {

    public Uni<ToolResult> handOff(TurnContext ctx, String reason, String shopperEmail, boolean replyConsent) {
        return Uni.createFrom().item(ToolResult.unavailable("handOff"));
    }
}
