package io.csc.chat.tools;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.handoff.HandoffEntity;
import io.csc.chat.handoff.HandoffService;
import io.csc.chat.live.LiveService;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.smallrye.mutiny.Uni;

/** Hands the conversation to the store's staff and tells the shopper when to expect an answer. */
@ApplicationScoped
public class HandoffTools {
    private final HandoffService handoffs;
    private final ChatConfig config;
    private final ToolCalls calls;
    private final LiveService live;

    public HandoffTools(HandoffService handoffs, ChatConfig config, ToolCalls calls, LiveService live) {
        this.live = live;
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
        return calls.run(tool, route(ctx).flatMap(route -> handoffs
                .handOff(ctx.tenant(), ctx.conversationId(), reason, replyTo, "shopper", route.state())
                .call(h -> announce(h)).map(h -> {
                    Language lang = ctx.language();
                    if ("waiting".equals(h.state) || "claimed".equals(h.state)) {
                        return new ToolResult(tool, ToolResult.Status.OK, ReplyCatalog.text(lang, "live.waiting"), h.id,
                                List.of(), Ui.handedOff(), List.of());
                    }
                    Map<String, String> within = Map.of("within", within(lang));
                    String text = (route == Route.UNSTAFFED ? ReplyCatalog.text(lang, "live.unstaffed") + " " : "")
                            + ReplyCatalog.text(lang, "handoff.passed") + " "
                            + ReplyCatalog.text(lang, replyTo != null ? "handoff.by.email" : "handoff.usually", within);
                    return new ToolResult(tool, ToolResult.Status.OK, text, h.id, List.of(), Ui.handedOff(), List.of());
                })));
    }

    /**
     * Where a handoff goes (docs/live-handoff.md): to a person in the chat when the store's live chat is on, within its
     * hours, with an operator; to the support address otherwise ({@code unstaffed} when live chat is on, the classic
     * {@code open} when the store has none). A conversation that already went the email way (or whose wait timed out)
     * stays on it; one a person is asked to join stays live.
     */
    enum Route {
        LIVE("waiting"), UNSTAFFED("unstaffed"), EMAIL("open");

        private final String state;

        Route(String state) {
            this.state = state;
        }

        String state() {
            return state;
        }
    }

    private Uni<Route> route(TurnContext ctx) {
        return live.latestOf(ctx.conversationId()).flatMap(latest -> {
            if (latest != null && latest.active()) {
                return Uni.createFrom().item(Route.LIVE);
            }
            if (latest != null && List.of("open", "unstaffed", "timed_out").contains(latest.state())) {
                return Uni.createFrom().item("open".equals(latest.state()) ? Route.EMAIL : Route.UNSTAFFED);
            }
            return live.availability(ctx.domain()).map(a -> a.open()
                    ? Route.LIVE
                    : a.settings().enabled() ? Route.UNSTAFFED : Route.EMAIL);
        });
    }

    private Uni<Void> announce(HandoffEntity h) {
        return "waiting".equals(h.state) ? live.announce(h.id) : Uni.createFrom().voidItem();
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
        return calls.run(tool, route(ctx).flatMap(route -> handoffs.handOff(ctx.tenant(), ctx.conversationId(),
                "The assistant could not help several times in a row", null, "assistant", route.state())
                .call(h -> announce(h)).map(h -> {
                    Language lang = ctx.language();
                    String text = "waiting".equals(h.state) || "claimed".equals(h.state)
                            ? ReplyCatalog.text(lang, "live.waiting")
                            : (route == Route.UNSTAFFED ? ReplyCatalog.text(lang, "live.unstaffed") + " " : "")
                                    + ReplyCatalog.text(lang, "handoff.failures", Map.of("within", within(lang)));
                    return new ToolResult(tool, ToolResult.Status.OK, text, h.id, List.of(), Ui.handedOff(), List.of());
                })));
    }
}
