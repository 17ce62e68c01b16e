package io.csc.chat.tools;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.handoff.HandoffService;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
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
            Language lang = ctx.language();
            Map<String, String> within = Map.of("within", within(lang));
            String text = ReplyCatalog.text(lang, "handoff.passed") + " "
                    + ReplyCatalog.text(lang, replyTo != null ? "handoff.by.email" : "handoff.usually", within);
            return new ToolResult(tool, ToolResult.Status.OK, text, h.id, List.of(), Ui.handedOff(), List.of());
        }));
    }

    /**
     * When the team answers ({@code CHAT_HANDOFF_ANSWER_WITHIN}) in the shopper's language: the default ("one business
     * day") has its words in each language; a store's own setting is used as written.
     */
    String within(Language lang) {
        String configured = config.handoffAnswerWithin();
        return ReplyCatalog.text(Language.EN, "handoff.within").equals(configured)
                ? ReplyCatalog.text(lang, "handoff.within")
                : configured;
    }

    /** The assistant failed to help several times in a row: staff take over (no reply address: none was given for this). */
    public Uni<ToolResult> handOffAfterFailures(TurnContext ctx) {
        String tool = "handOff";
        return calls.run(tool, handoffs.handOff(ctx.tenant(), ctx.conversationId(),
                "The assistant could not help several times in a row",
                null, "assistant").map(
                        h -> new ToolResult(tool, ToolResult.Status.OK,
                                ReplyCatalog.text(ctx.language(), "handoff.failures",
                                        Map.of("within", within(ctx.language()))),
                                h.id, List.of(), Ui.handedOff(), List.of())));
    }
}
