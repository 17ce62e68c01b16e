package io.csc.chat.tools;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.handoff.HandoffService;
import io.smallrye.mutiny.Uni;

/** Hands the conversation to the store's staff and tells the shopper when to expect an answer. */
@ApplicationScoped
public class HandoffTools {
    private final HandoffService handoffs;
    private final ChatConfig config;
    private final ToolCalls calls;

    public HandoffTools(HandoffService handoffs, ChatConfig config, ToolCalls calls) {
        this.handoffs = handoffs;
        this.config = config;
        this.calls = calls;
    }

    /**
     * @param shopperEmail where staff may answer; used only with {@code replyConsent}
     */
    public Uni<ToolResult> handOff(TurnContext ctx, String reason, String shopperEmail, boolean replyConsent) {
        String tool = "handOff";
        String replyTo = replyConsent && VerificationTools.validEmail(shopperEmail) ? shopperEmail.trim() : null;
        return calls.run(tool, handoffs.handOff(ctx.tenant(), ctx.conversationId(), reason, replyTo, "shopper").map(h -> {
            String text = "I've passed our conversation to the store's team. "
                    + (replyTo != null
                            ? "They will answer you by email within " + config.handoffAnswerWithin() + "."
                            : "They usually answer within " + config.handoffAnswerWithin()
                                    + ". If you'd like an answer by email, tell me your email address and that we may use it.");
            return new ToolResult(tool, ToolResult.Status.OK, text, h.id, List.of(), Ui.handedOff(), List.of());
        }));
    }

    /** The assistant failed to help several times in a row: staff take over (no reply address: none was given for this). */
    public Uni<ToolResult> handOffAfterFailures(TurnContext ctx) {
        String tool = "handOff";
        return calls.run(tool, handoffs.handOff(ctx.tenant(), ctx.conversationId(),
                "The assistant could not help several times in a row",
                null, "assistant").map(
                        h -> new ToolResult(tool, ToolResult.Status.OK,
                                "I'm sorry I couldn't help. I've passed our conversation to the store's team; they usually answer within "
                                        + config.handoffAnswerWithin() + ".",
                                h.id, List.of(), Ui.handedOff(), List.of())));
    }
}
