package io.csc.chat.turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.action.ActionService;
import io.csc.chat.action.PendingActionRepository;
import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.assistant.VerificationState;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.gate.Gate;
import io.csc.chat.identity.IdentityService;
import io.csc.chat.live.LiveHandoff;
import io.csc.chat.live.LiveService;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.chat.tools.HandoffTools;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.tools.VerificationTools;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.LanguageDetector;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.StockProduct;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * One chat turn, in this order:
 * <ol>
 * <li>open the session's conversation (a foreign or stale id starts a new one), store the shopper's message
 * (redacted) and read the history with the state stored with each reply, in one statement; check the signed
 * identity;</li>
 * <li>a person of the store holds the conversation (live handoff, docs/live-handoff.md): the message goes to them as
 * typed and the turn ends: no confirmation, no assistant, no stored reply;</li>
 * <li>the confirmation rule ({@link ActionService#decide}): the previous reply's proposal is live for this message
 * only; its button or a clear yes executes it here, in code, and no assistant runs; anything else withdraws it;</li>
 * <li>otherwise the selected assistant answers (the model, or the built-in assistant as its fallback);</li>
 * <li>two failed turns in a row hand the conversation to the store's staff;</li>
 * <li>the reply's cards are composed from its tool results ({@link CardComposer}): products, the orders the gate let
 * it read, the cart; a link a card shows leaves the text and the sources;</li>
 * <li>the reply is stored, redacted (its text only: cards are not kept in the history), with the state it leaves
 * ({@link #after}), and counted.</li>
 * </ol>
 */
@ApplicationScoped
public class ChatService {
    private static final Set<String> FAILED = Set.of("fallback", "error");

    private final AssistantSelector assistants;
    private final ConversationRepository conversations;
    private final ActionService actions;
    private final PendingActionRepository pending;
    private final IdentityService identities;
    private final HandoffTools handoffs;
    private final Gate gate;
    private final ChatMetrics metrics;
    private final ChatConfig config;
    private final CardComposer cards;
    private final LiveService live;

    public ChatService(AssistantSelector assistants, ConversationRepository conversations, ActionService actions,
            PendingActionRepository pending, IdentityService identities, HandoffTools handoffs, Gate gate,
            ChatMetrics metrics, ChatConfig config, CardComposer cards, LiveService live) {
        this.live = live;
        this.pending = pending;
        this.cards = cards;
        this.assistants = assistants;
        this.conversations = conversations;
        this.actions = actions;
        this.identities = identities;
        this.handoffs = handoffs;
        this.gate = gate;
        this.metrics = metrics;
        this.config = config;
    }

    /** Answers through the selected assistant (model with built-in fallback). */
    public Uni<AssistantReply> reply(Turn turn) {
        return assistants.reply(turn);
    }

    public Uni<TurnOutcome> turn(TurnInput in) {
        return prepare(in).flatMap(p -> p.forwarded
                ? forwarded(p)
                : (p.confirmation != null
                        ? Uni.createFrom().item(p.confirmation)
                        : assistants.reply(p.turn).onFailure().recoverWithItem(e -> failed(e, p.language)))
                        .flatMap(reply -> finish(p, reply)));
    }

    /**
     * The same turn as a stream: text deltas, then the finished turn. A confirmation or a failure arrives as one delta.
     * The final outcome's message is the one to keep (a model that fails mid-stream is replaced by the fallback's).
     */
    public Uni<StreamedTurn> stream(TurnInput in) {
        return prepare(in).map(p -> {
            if (p.forwarded) {
                return new StreamedTurn(Multi.createFrom().empty(), forwarded(p).memoize().indefinitely());
            }
            StreamedReply streamed;
            if (p.confirmation != null) {
                Uni<AssistantReply> one = Uni.createFrom().item(p.confirmation);
                streamed = new StreamedReply(Multi.createFrom().item(p.confirmation.message()), one);
            } else {
                streamed = assistants.stream(p.turn);
            }
            Uni<TurnOutcome> outcome = streamed.reply().onFailure().recoverWithItem(e -> failed(e, p.language))
                    .flatMap(reply -> finish(p, reply)).memoize().indefinitely();
            return new StreamedTurn(streamed.deltas().onFailure().recoverWithCompletion(), outcome);
        });
    }

    public record StreamedTurn(Multi<String> deltas, Uni<TurnOutcome> outcome) {
    }

    private static final class Prepared {
        TurnContext ctx;
        Turn turn;
        int failedTurns;
        /** Where the conversation stood before this message (stored with the previous reply). */
        Dialogue before;
        /** The language of this turn: the message's, else the conversation's, else the page's locale. */
        Language language;
        AssistantReply confirmation;
        /** The conversation's live handoff a person is asked to join or holds, else null. */
        LiveHandoff live;
        /** A person holds the conversation: the message went to them; no assistant, no action runs. */
        boolean forwarded;
    }

    /**
     * The turn of a message a person of the store received (docs/live-handoff.md): no assistant message, the live state
     * with the person's first name.
     */
    private Uni<TurnOutcome> forwarded(Prepared p) {
        AssistantReply none = new AssistantReply(null, List.of(), null, false, List.of(), "live", "live");
        return gate.access(p.ctx).map(a -> a.level() != Gate.Level.NONE).onFailure().recoverWithItem(false)
                .map(verified -> new TurnOutcome(p.ctx.conversationId(), none, verified, LiveService.shopperState(p.live)));
    }

    /**
     * The shopper's language this turn: what the message shows; a message too short to tell ("ok", "#52") keeps the
     * conversation's stored language; the first message falls back to the page's locale when the widget sends one.
     */
    static Language languageOf(String message, List<HistoryMessage> history, Dialogue before, ShopperContext shopper) {
        Language fallback = history == null || history.isEmpty()
                ? Language.ofLocale(localeOf(shopper), Language.EN)
                : Language.ofLocale(before.language(), Language.EN);
        return LanguageDetector.detect(message, fallback);
    }

    private static String localeOf(ShopperContext shopper) {
        if (shopper == null || shopper.userData() == null) {
            return null;
        }
        Object locale = shopper.userData().get("locale");
        return locale instanceof String l ? l : null;
    }

    private Uni<Prepared> prepare(TurnInput in) {
        String domain = in.tenant().domain();
        IdentityService.Identity identity = identities.verify(in.tenant(), in.identityToken());
        // a valid signed identity proves its email here: the conversation is that email's (privacy export)
        return conversations.begin(domain, in.sessionId(), in.conversationId(), config.historySize(), in.message(),
                identity == null ? null : identity.email())
                .flatMap(opened -> {
                    Prepared p = new Prepared();
                    p.failedTurns = opened.failedTurns();
                    p.before = Dialogue.before(opened.history());
                    p.language = languageOf(in.message(), opened.history(), p.before, in.shopper());
                    p.ctx = new TurnContext(opened.conversationId(), domain, in.sessionId(), in.clientIp(), in.tenant(),
                            in.shopper(),
                            identity == null ? null : identity.email(), p.language.code(),
                            new VerificationState(opened.verificationStarted(), opened.consented()));
                    p.turn = new Turn(p.ctx, in.message() == null ? "" : in.message(), opened.history());
                    // the live handoff is read only when the conversation has one a person is asked to join or holds
                    Uni<LiveHandoff> person = opened.personAsked()
                            ? live.activeOf(opened.conversationId())
                            : Uni.createFrom().nullItem();
                    return person.flatMap(active -> {
                        p.live = active;
                        if (active != null && "claimed".equals(active.state())) {
                            // the person answers: the message goes to them as typed; no proposal executes
                            p.forwarded = true;
                            return in.message() == null || in.message().isBlank()
                                    ? Uni.createFrom().item(p)
                                    : live.shopperMessage(active, in.message()).replaceWith(p);
                        }
                        return decide(p, in, opened);
                    });
                });
    }

    private Uni<Prepared> decide(Prepared p, TurnInput in, ConversationRepository.Opened opened) {
        return actions.handle(p.ctx, in.confirm(), in.message(), p.before.proposalId()).flatMap(outcome -> {
            if (outcome != null && outcome.result() == ActionService.Result.CONSENTED) {
                metrics.toolCall("consent", "given");
                p.ctx.verification().markConsented();
                return conversations.markConsent(p.ctx.conversationId()).map(v -> {
                    if (outcome.replay() != null) {
                        // the message that led to the question is answered now, in its own context
                        p.turn = new Turn(p.ctx, outcome.replay(), beforeConsentQuestion(opened.history()));
                    } else {
                        p.confirmation = new AssistantReply(outcome.message()
                                + " " + ReplyCatalog.text(p.language, "verified.ask.orders"), List.of(), null,
                                false,
                                List.of(), "core", "answered");
                    }
                    return p;
                });
            }
            if (outcome != null) {
                metrics.toolCall("confirmation", outcome.result().metric());
                p.confirmation = new AssistantReply(outcome.message(), List.of(), null, false, List.of(),
                        "core", outcome.result() == ActionService.Result.EXECUTED
                                || outcome.result() == ActionService.Result.DECLINED ? "answered" : "refused");
            }
            return Uni.createFrom().item(p);
        });
    }

    /** The history as the message that led to the consent question saw it: without that message and the question. */
    static List<HistoryMessage> beforeConsentQuestion(List<HistoryMessage> history) {
        int n = history.size();
        if (n >= 2 && "assistant".equals(history.get(n - 1).role())
                && VerificationTools.isConsentQuestion(history.get(n - 1).text())
                && "user".equals(history.get(n - 2).role())) {
            return history.subList(0, n - 2);
        }
        return history;
    }

    /**
     * Two failed turns in a row hand the conversation over; then the reply and the new count are stored together. The
     * count starts from what the turn read (two turns of one conversation at the same moment may count one failure
     * once: the widget sends one turn at a time).
     */
    private Uni<TurnOutcome> finish(Prepared p, AssistantReply reply) {
        TurnContext ctx = p.ctx;
        int failures = FAILED.contains(reply.outcome()) ? p.failedTurns + 1 : 0;
        boolean handOff = failures >= 2 && !"handoff".equals(reply.outcome());
        Uni<Void> kept = keepMessageForConsent(p, reply);
        Uni<AssistantReply> shown = handOff
                ? handoffs.handOffAfterFailures(ctx).map(result -> withHandoff(reply, result))
                : Uni.createFrom().item(reply);
        return kept.chain(() -> shown).flatMap(s -> cards.compose(ctx.domain(), s, p.language))
                .flatMap(s -> conversations.finish(ctx.conversationId(), s.message(), handOff ? 0 : failures,
                        after(p.before, s, p.language)).replaceWith(s))
                .flatMap(s -> gate.access(ctx).map(a -> a.level() != Gate.Level.NONE).onFailure().recoverWithItem(false)
                        .flatMap(verified -> liveState(p, s).map(liveState -> {
                            metrics.turn(s.mode(), s.outcome());
                            return new TurnOutcome(ctx.conversationId(), s, verified, liveState);
                        })));
    }

    /**
     * Where a live handoff stands after this reply: the one this turn asked for (waiting, or unstaffed: nobody there),
     * else the one a person is asked to join; null when live chat played no part (the classic email handoff included).
     */
    private Uni<java.util.Map<String, Object>> liveState(Prepared p, AssistantReply reply) {
        boolean handedOff = reply.toolResults().stream().anyMatch(r -> "handOff".equals(r.tool()));
        if (!handedOff) {
            return Uni.createFrom().item(p.live == null ? null : LiveService.shopperState(p.live));
        }
        return live.latestOf(p.ctx.conversationId()).map(h -> h == null || "open".equals(h.state())
                ? null
                : LiveService.shopperState(h));
    }

    /**
     * When this turn asked the consent question, the shopper's message (as written: it may hold the email address the
     * answer needs) is kept with the question until they answer, so a yes answers it. Never stored in the history.
     */
    private Uni<Void> keepMessageForConsent(Prepared p, AssistantReply reply) {
        for (ToolResult r : reply.toolResults()) {
            if (r.status() == ToolResult.Status.CONSENT_REQUIRED && r.data() instanceof String id) {
                return pending.attach(id, p.turn.message());
            }
        }
        return Uni.createFrom().voidItem();
    }

    /**
     * The state this reply leaves the conversation in: what it waits for (said by the assistant, or read from its
     * widget hints), the proposal its confirm button carries (live for the next message only), the order and products
     * its tools returned (else the focus stays), and the not-understood count.
     */
    static Dialogue after(Dialogue before, AssistantReply reply) {
        return after(before, reply, Language.ofLocale(before.language(), Language.EN));
    }

    static Dialogue after(Dialogue before, AssistantReply reply, Language language) {
        Ui ui = reply.ui();
        String proposal = ui != null && ui.confirm() != null ? ui.confirm().id() : null;
        Awaiting awaiting = reply.awaiting();
        if (awaiting == null) {
            boolean consent = reply.toolResults().stream().anyMatch(r -> r.status() == ToolResult.Status.CONSENT_REQUIRED);
            awaiting = proposal != null
                    ? consent ? Awaiting.CONSENT : Awaiting.CONFIRMATION
                    : ui != null && "email".equals(ui.input())
                            ? Awaiting.EMAIL
                            : ui != null && "code".equals(ui.input()) ? Awaiting.CODE : Awaiting.NOTHING;
        }
        if (awaiting != Awaiting.CONFIRMATION && awaiting != Awaiting.CONSENT) {
            proposal = null;
        }
        Long order = before.focusOrder();
        List<Long> products = before.focusProducts();
        List<Long> orders = before.focusOrders();
        for (ToolResult r : reply.toolResults()) {
            if (r.data() instanceof OrderSummary o) {
                order = o.id();
                orders = List.of();
            } else if (r.data() instanceof List<?> list && !list.isEmpty()) {
                List<Long> shown = new ArrayList<>();
                List<Long> listed = new ArrayList<>();
                for (Object item : list) {
                    if (item instanceof ProductSummary ps) {
                        shown.add(ps.id());
                    } else if (item instanceof StockProduct sp) {
                        shown.add(sp.id());
                    } else if (item instanceof OrderSummary o) {
                        listed.add(o.id());
                    }
                }
                if (!shown.isEmpty()) {
                    products = Dialogue.firstProducts(shown);
                    orders = List.of(); // "the second one" now means the second product
                }
                if (!listed.isEmpty()) {
                    // "the second one" is the second order of the list as shown; one order listed is the one in focus
                    orders = Dialogue.firstFew(listed);
                    order = listed.size() == 1 ? listed.get(0) : null;
                }
            } else if (r.data() instanceof ProductSummary ps) {
                products = List.of(ps.id());
                orders = List.of();
            }
        }
        return new Dialogue(awaiting, proposal, order, products, orders, language.code(),
                reply.notUnderstood() ? before.notUnderstood() + 1 : 0);
    }

    private static AssistantReply withHandoff(AssistantReply reply, ToolResult handoff) {
        if (!handoff.ok()) {
            return reply;
        }
        return new AssistantReply(reply.message() + "\n\n" + handoff.text(), reply.sources(), Ui.handedOff(), false,
                reply.toolResults(), reply.mode(), "handoff");
    }

    private static AssistantReply failed(Throwable e, Language lang) {
        Log.warnf("Assistant failed: %s", e.getClass().getSimpleName());
        return new AssistantReply(ReplyCatalog.text(lang, "error.sorry"), List.of(), null, false, List.of(), "builtin",
                "error");
    }
}
