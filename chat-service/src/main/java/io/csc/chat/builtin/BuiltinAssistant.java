package io.csc.chat.builtin;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.csc.chat.action.Confirmation;
import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.PageContext;
import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.knowledge.KnowledgeHit;
import io.csc.chat.knowledge.StoreProfile;
import io.csc.chat.knowledge.StoreProfiles;
import io.csc.chat.tools.CartTools;
import io.csc.chat.tools.HandoffTools;
import io.csc.chat.tools.KnowledgeTools;
import io.csc.chat.tools.OrderChangeTools;
import io.csc.chat.tools.OrderTools;
import io.csc.chat.tools.ProductTools;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.tools.ToolResult.Status;
import io.csc.chat.tools.VerificationTools;
import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.Turn;
import io.csc.chat.understanding.Analysis;
import io.csc.chat.understanding.Intent;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.LanguageDetector;
import io.csc.chat.understanding.MessageAnalyser;
import io.csc.chat.understanding.MessageSplitter;
import io.csc.chat.understanding.ProductAnswer;
import io.csc.chat.understanding.ProductQuery;
import io.csc.chat.understanding.ProductQueryParser;
import io.csc.chat.understanding.ProductReasoner;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.chat.understanding.SmallTalk;
import io.csc.chat.understanding.StoreFacts;
import io.csc.chat.understanding.Topic;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.OrderSummary;
import io.csc.model.commerce.ProductSummary;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The deterministic assistant: works with no model and no key, and answers when the model fails. Each turn:
 * <ol>
 * <li>reads where the conversation stands from the state stored with the previous reply and the shopper's earlier
 * messages ({@link DialogueState});</li>
 * <li>understands the message ({@link Understander}: arguments, rules, then the embedding model);</li>
 * <li>acts through chat-core's tools, which hold the verification gate: a read of one order needs a simple match
 * (email + order number), listing orders and every change need a one-time code or a signed identity;</li>
 * <li>renders the reply from the tool results only. Changes are only proposed: chat-core executes a pending action
 * when the shopper confirms it, never this class.</li>
 * </ol>
 */
@ApplicationScoped
@Named("builtin")
public class BuiltinAssistant implements Assistant {

    private final BuiltinModel model;
    private final Catalogs catalogs;
    private final ProductTools products;
    private final VerificationTools verification;
    private final OrderTools orders;
    private final OrderChangeTools changes;
    private final CartTools carts;
    private final HandoffTools handoffs;
    private final KnowledgeTools knowledge;
    private final ChatConfig config;
    private final StoreProfiles profiles;

    /**
     * Requests answered even when the message also takes something back ("never mind, I want to talk to a person"); as
     * are questions about a named product or order ("never mind, is the beanie in stock?").
     */
    private static final java.util.Set<Intent> ANSWERED_DESPITE_WITHDRAWAL = java.util.EnumSet.of(Intent.HANDOFF,
            Intent.STORE_POLICY, Intent.CART_SUMMARY, Intent.RECENT_ORDERS, Intent.GREETING, Intent.THANKS_BYE);

    public BuiltinAssistant(BuiltinModel model, Catalogs catalogs, ProductTools products,
            VerificationTools verification, OrderTools orders, OrderChangeTools changes, CartTools carts,
            HandoffTools handoffs, KnowledgeTools knowledge, ChatConfig config, StoreProfiles profiles) {
        this.model = model;
        this.catalogs = catalogs;
        this.products = products;
        this.verification = verification;
        this.orders = orders;
        this.changes = changes;
        this.carts = carts;
        this.handoffs = handoffs;
        this.knowledge = knowledge;
        this.config = config;
        this.profiles = profiles;
    }

    /** The tool results of one turn, gathered as the policy calls tools. */
    private static final class Calls {
        final List<ToolResult> results = new ArrayList<>();
        /** The shopper's language this turn: the fixed sentences are written in it. */
        Language lang = Language.EN;

        ToolResult add(ToolResult r) {
            results.add(r);
            return r;
        }
    }

    @Override
    public Uni<AssistantReply> reply(Turn turn) {
        TurnContext ctx = turn.context();
        Context caller = Vertx.currentContext();
        Calls calls = new Calls();
        return catalogs.of(ctx).flatMap(catalog -> understand(turn, catalog, caller))
                .flatMap(u -> u.second() == null
                        ? decide(ctx, u.state(), u.understanding(), u.analysis(), turn, calls)
                        : twoQuestions(ctx, u, turn, calls))
                .onFailure().recoverWithItem(e -> reply(Replies.UNREACHABLE, null, false, calls, "error"));
    }

    /** The state and the message's meaning; for a message asking two things, {@code second} is its second part. */
    private record Understood(DialogueState state, Understanding understanding, Analysis analysis, Part first,
            Part second) {
    }

    /** One question of a message that asks two. */
    private record Part(String text, Understanding understanding, Analysis analysis) {
    }

    /**
     * Two questions in one message ("return the earbuds and also buy a charger"): each answered as a message of its
     * own, joined under one lead. A part that asks the shopper something (an email, an order number) comes last, so the
     * reply ends with that question and the widget shows its field.
     */
    private Uni<AssistantReply> twoQuestions(TurnContext ctx, Understood u, Turn turn, Calls calls) {
        Turn first = new Turn(turn.context(), u.first().text(), turn.history());
        Turn second = new Turn(turn.context(), u.second().text(), turn.history());
        return decide(ctx, u.state(), u.first().understanding(), u.first().analysis(), first, calls)
                .flatMap(a -> decide(ctx, u.state(), u.second().understanding(), u.second().analysis(), second, calls)
                        .map(b -> {
                            boolean aAsks = asks(a) && !asks(b);
                            AssistantReply head = aAsks ? b : a;
                            AssistantReply last = aAsks ? a : b;
                            String text = ReplyCatalog.text(calls.lang, "parts.intro") + "\n\n" + head.message()
                                    + "\n\n" + last.message();
                            String outcome = "handoff".equals(head.outcome()) ? head.outcome() : last.outcome();
                            return new AssistantReply(text, b.sources(), last.ui() != null ? last.ui() : head.ui(),
                                    a.requiresVerification() || b.requiresVerification(), b.toolResults(), "builtin",
                                    outcome, last.awaiting(), a.notUnderstood() && b.notUnderstood());
                        }));
    }

    private static boolean asks(AssistantReply r) {
        return r.ui() != null || r.awaiting() != null && r.awaiting() != Awaiting.NOTHING;
    }

    /**
     * The history's state and the message's meaning. A message no rule settles costs an embedding (milliseconds of
     * CPU), so this runs on a worker thread, never on the event loop, and the turn goes on on its own Vert.x context
     * (the tools after it use Hibernate Reactive, which refuses any other thread).
     */
    private Uni<Understood> understand(Turn turn, ProductMatcher catalog, Context caller) {
        Uni<Understood> work = Uni.createFrom().item(() -> {
            Understander understander = model.understander();
            DialogueState state = DialogueState.of(turn.history() == null ? List.of() : turn.history(), understander);
            Language lang = Language.ofLocale(turn.context().locale(), Language.EN);
            Analysis whole = MessageAnalyser.analyse(turn.message(), lang, catalog);
            // a message that hands over an email, a code or an order number is one request with its data
            if (state.expecting() == Expectation.NONE && whole.email() == null && whole.code() == null
                    && whole.orderNumber() == null) {
                List<MessageSplitter.Part> parts = MessageSplitter.split(turn.message(), whole);
                if (parts.size() == 2) {
                    Part[] two = new Part[2];
                    for (int i = 0; i < 2; i++) {
                        String text = parts.get(i).text();
                        two[i] = new Part(text, understander.understand(text, Expectation.NONE, catalog),
                                MessageAnalyser.analyse(text, lang, catalog));
                    }
                    return new Understood(state, two[0].understanding(), two[0].analysis(), two[0], two[1]);
                }
            }
            return new Understood(state, understander.understand(turn.message(), state.expecting(), catalog), whole,
                    null, null);
        });
        if (caller == null || !Context.isOnEventLoopThread()) {
            return work;
        }
        return work.runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<AssistantReply> decide(TurnContext ctx, DialogueState state, Understanding understood, Analysis a,
            Turn turn, Calls calls) {
        String message = turn.message();
        Language lang = Language.ofLocale(ctx.locale(), Language.EN);
        calls.lang = lang;
        Understanding u = withTopic(understood, a, lang);
        if (Confirmation.isWithdrawal(message) && (u.intent().isChange()
                || u.product() == null && u.orderNumber() == null && !ANSWERED_DESPITE_WITHDRAWAL.contains(u.intent()))) {
            // "no, don't cancel it", "never mind, don't send it": never a new request, and the task ends here
            return answer(Replies.WITHDRAWN, calls);
        }
        if (state.expecting() == Expectation.ORDER_NUMBER && DialogueState.doesNotKnowTheNumber(message)) {
            // asked for the number and the shopper has none: their orders are listed instead, after a code
            return order(ctx, Intent.RECENT_ORDERS, null, u.email(), null, calls);
        }
        if (DialogueState.asksForNewCode(message)) {
            // a new code to the address already given (verification-service says when one can be sent)
            return sendCode(ctx, null, calls);
        }
        Uni<AssistantReply> followUp = followUp(ctx, u, turn, calls);
        if (followUp != null) {
            return followUp;
        }
        if (FollowUps.latestOrder(message) && u.orderNumber() == null
                && (u.intent() == Intent.ORDER_STATUS || u.intent() == Intent.TRACKING)) {
            // "my latest order": a signed-in customer's newest order at once; a guest proves the email first and then
            // sees their orders, the newest first (never asked for a number they may not have)
            return ctx.identityEmail() != null
                    ? latestOrder(ctx, u.intent(), calls)
                    : order(ctx, Intent.RECENT_ORDERS, null, u.email(), null, calls);
        }
        if (state.expecting() == Expectation.NONE && policyQuestion(u, a, message)) {
            // the rules read an order or cart request, the words ask about the store's rules: the pages decide
            return byEvidence(ctx, u, a, message, lang, calls).flatMap(
                    fromPages -> fromPages != null ? Uni.createFrom().item(fromPages) : route(ctx, state, u, a, turn, calls));
        }
        return route(ctx, state, u, a, turn, calls);
    }

    private Uni<AssistantReply> route(TurnContext ctx, DialogueState state, Understanding u, Analysis a, Turn turn,
            Calls calls) {
        String message = turn.message();
        Language lang = calls.lang;
        if (!GIVES.contains(u.intent())) {
            Uni<AssistantReply> routed = byTopic(ctx, u, a, message, lang, calls);
            if (routed != null) {
                return routed;
            }
        }
        if (u.intent() == Intent.GIVE_EMAIL || u.intent() == Intent.GIVE_CODE) {
            Topic privacy = privacyRequest(turn.history());
            if (privacy != null) {
                return privacy(ctx, privacy, u, lang, calls);
            }
        }
        return switch (u.intent()) {
            case HANDOFF -> handOff(ctx, "The shopper asked for a person.", u.email(), calls, null);
            case GREETING -> answer(Replies.GREETING, calls);
            case THANKS_BYE -> answer(Replies.THANKS, calls);
            case CART_SUMMARY -> cart(ctx, calls);
            case STORE_POLICY -> storeKnowledge(ctx, message, calls, null);
            case PRODUCT_SEARCH, STOCK_CHECK, PRODUCT_DETAILS -> product(ctx, u, calls);
            case ORDER_STATUS, TRACKING, RECENT_ORDERS, CANCEL_ORDER, CHANGE_ADDRESS, REFUND_REQUEST ->
                order(ctx, u.intent(), orderOf(u, state, u.intent()), u.email(), u.address(), calls);
            case GIVE_EMAIL, GIVE_CODE, GIVE_ORDER_NUMBER, YES, NO -> proceed(ctx, state, u, calls);
            case OTHER -> storeKnowledge(ctx, message, calls, state);
        };
    }

    /**
     * A follow-up about what the conversation is about, or null: an order of the list just shown ("cancel the second
     * one") or the order discussed ("where is it?"); the product just shown or the page's product ("how much is it?",
     * "do they come in blue?", "add them to my cart"). A message that names an order, a product, an email or a code is
     * a request of its own.
     */
    private Uni<AssistantReply> followUp(TurnContext ctx, Understanding u, Turn turn, Calls calls) {
        if (u.orderNumber() != null || u.email() != null || u.code() != null || u.product() != null
                || u.address() != null) {
            return null;
        }
        Dialogue before = Dialogue.before(turn.history());
        FollowUps.OrderFollowUp o = FollowUps.order(turn.message(), before);
        if (o != null) {
            return order(ctx, o.intent(), o.order(), null, null, calls);
        }
        FollowUps.ProductFollowUp p = FollowUps.product(turn.message(), before, pageProduct(ctx));
        if (p != null) {
            return productFollowUp(ctx, p, turn.message(), calls);
        }
        return null;
    }

    /** The product in focus read afresh (with its variations), then the answer to what was asked of it. */
    private Uni<AssistantReply> productFollowUp(TurnContext ctx, FollowUps.ProductFollowUp f, String message,
            Calls calls) {
        return products.details(ctx, f.productId()).map(calls::add).map(r -> {
            catalogs.learn(ctx, r);
            if (r.status() == Status.UNAVAILABLE) {
                return reply(Replies.UNREACHABLE, null, false, calls, "error");
            }
            if (!r.ok() || !(r.data() instanceof ProductSummary p)) {
                calls.results.remove(r);
                return reply(Replies.ASK_PRODUCT, null, false, calls, "answered");
            }
            java.util.Map<String, String> wanted = ProductQueryParser.parse(message).attributes();
            String text = switch (f.ask()) {
                case ADD_TO_CART -> ProductFollowUpText.addToCart(p, calls.lang);
                case OPTIONS -> ProductFollowUpText.options(p, wanted, calls.lang);
                default -> Replies.products(r, "", calls.lang) + ProductFollowUpText.variations(p, wanted, calls.lang);
            };
            return reply(text, null, false, calls, "answered");
        });
    }

    /**
     * The newest order of a signed-in customer: their orders are read (newest first, as the store lists them) and the
     * newest one answered; only that order becomes a card.
     */
    private Uni<AssistantReply> latestOrder(TurnContext ctx, Intent intent, Calls calls) {
        return orders.recentOrders(ctx).flatMap(list -> {
            if (list.ok() && list.data() instanceof List<?> all && !all.isEmpty()
                    && all.get(0) instanceof OrderSummary) {
                long n = newest(all);
                return call(ctx, intent, n, null).map(calls::add)
                        .flatMap(r -> afterOrderTool(ctx, intent, n, null, null, r, calls))
                        .map(reply -> "answered".equals(reply.outcome())
                                ? new AssistantReply(ReplyCatalog.text(calls.lang, "followup.latest") + " "
                                        + reply.message(), reply.sources(), reply.ui(), reply.requiresVerification(),
                                        reply.toolResults(), reply.mode(), reply.outcome(), reply.awaiting(),
                                        reply.notUnderstood())
                                : reply);
            }
            calls.add(list);
            return afterOrderTool(ctx, Intent.RECENT_ORDERS, null, null, null, list, calls);
        });
    }

    /** The id of the order created last (the store's list is newest first; the dates decide when they say more). */
    private static long newest(List<?> all) {
        OrderSummary best = null;
        for (Object o : all) {
            if (o instanceof OrderSummary s && (best == null || s.dateCreated() != null && best.dateCreated() != null
                    && s.dateCreated().compareTo(best.dateCreated()) > 0)) {
                best = s;
            }
        }
        return best.id();
    }

    /** A sentence of the pages that answers with at least this score states the fact (see StoreFacts#evidence). */
    static final double CLEAR_EVIDENCE = 3;

    /** Requests whose own path always wins: a change, a person, a greeting. */
    private static final java.util.Set<Intent> NEVER_A_POLICY = java.util.EnumSet.of(Intent.HANDOFF, Intent.GREETING,
            Intent.THANKS_BYE, Intent.CANCEL_ORDER, Intent.CHANGE_ADDRESS);

    private static final java.util.regex.Pattern QUESTION = java.util.regex.Pattern.compile(
            "^(who|whom|what|whats|when|how|which|why|can|could|do|does|is|are|will|would|may|if|wer|was|wann|wie|welche|"
                    + "kann|konnen|gibt|muss|quien|que|cuando|como|cual|cuanto|puedo|pueden|hay|qui|quand|comment|"
                    + "combien|est ce|puis je|pouvez)\\b");

    private static final java.util.regex.Pattern WH_QUESTION = java.util.regex.Pattern.compile(
            "^(who|what|whats|when|how|which|why|wer|was|wann|wie|welche|quien|que|cuando|como|cual|cuanto|qui|quand|"
                    + "comment|combien)\\b");

    /**
     * A question the store's pages may answer better than the path its words suggest: "who pays customs on my order"
     * (read as an order request), "do you send reminder emails about my cart" (a cart request), "can sale items be
     * returned" (not understood). Never a message carrying an order number, an email or a code, never a change, and a
     * return or refund wish only when it asks how or when ("when will I get my refund?"), not "can I return my earbuds".
     */
    private static boolean policyQuestion(Understanding u, Analysis a, String message) {
        if (u.orderNumber() != null || u.email() != null || u.code() != null || a.email() != null || a.code() != null
                || GIVES.contains(u.intent()) || NEVER_A_POLICY.contains(u.intent())) {
            return false;
        }
        String norm = MessageAnalyser.normalize(message == null ? "" : message);
        boolean question = QUESTION.matcher(norm).find() || message != null && message.strip().endsWith("?");
        if (!question) {
            return false;
        }
        Topic t = a.topic();
        boolean own = u.intent().isPrivate() || u.intent() == Intent.CART_SUMMARY;
        if (t.isStoreFact()) {
            // a store fact the rules did not take for an order or cart request goes to the store facts anyway
            return own;
        }
        if (t == Topic.RETURN_REQUEST) {
            return WH_QUESTION.matcher(norm).find();
        }
        return t == Topic.OTHER || t == Topic.CART && own;
    }

    /**
     * The store's pages weighed against the path the words suggest: the page's answer when its best sentence answers
     * the question clearly ({@link #CLEAR_EVIDENCE}), else null (the intent's path answers, and this search is not part
     * of the turn).
     */
    private Uni<AssistantReply> byEvidence(TurnContext ctx, Understanding u, Analysis a, String message, Language lang,
            Calls calls) {
        Topic topic = a.topic().isStoreFact() ? a.topic() : Topic.STORE_QUESTION;
        return searchPages(ctx, message, topic, lang).map(r -> {
            List<KnowledgeHit> hits = pagesOnly(hitsOf(r));
            StoreFacts.Answer owners = ownerAnswer(hits);
            if (owners == null && (hits.isEmpty() || StoreFacts.evidence(message, topic, hits) < CLEAR_EVIDENCE)) {
                return null;
            }
            StoreFacts.Answer fact = owners != null ? owners : StoreFacts.answer(message, topic, lang, null, hits);
            if (!fact.known()) {
                return null;
            }
            calls.add(new ToolResult(r.tool(), r.status(), fact.text(), r.data(), List.of(), null,
                    List.of(new Source(fact.sourceUrl(), fact.sourceTitle(), 1.0))));
            StringBuilder text = new StringBuilder(yesOrNo(message, fact.text(), lang)).append(fact.text());
            pagesLanguage(text, fact.text(), lang);
            return reply(text.toString(), null, false, calls, "answered");
        });
    }

    private static final java.util.regex.Pattern YES_NO_QUESTION = java.util.regex.Pattern.compile(
            "^(do|does|did|can|could|is|are|was|will|would|may|have|has|kann|konnen|gibt|habt|haben|ist|sind|darf|"
                    + "puedo|puede|pueden|hay|tienen|tiene|es|son|hacen|aceptan|est ce|puis je|pouvez|avez|acceptez|"
                    + "faites|y a t il)\\b");

    private static final java.util.regex.Pattern NEGATION = java.util.regex.Pattern.compile(
            "\\b(not|no|cannot|cant|dont|doesnt|never|nicht|kein|keine|keinen|nie|nunca|ningun|ninguna|pas|jamais|aucun|"
                    + "aucune)\\b");

    /** Words of a yes/no question's frame, not of what it asks. */
    private static final java.util.Set<String> FRAME_WORDS = java.util.Set.of("there", "your", "have", "does", "will",
            "would", "could", "with", "about", "that", "this", "from", "they", "them", "some", "offer", "also", "still");

    private static final java.util.regex.Pattern STARTS_YES_NO = java.util.regex.Pattern.compile(
            "^(yes|no|not|ja|nein|si|no|oui|non)\\b");

    /**
     * A yes/no question answered from a page starts with the yes or the no: a no when the answer's first clause says
     * no ("We do not accept checks."), else a yes ("Sale items can be returned too; gift cards ... cannot."). Nothing
     * when the page's answer starts with it already ("Not yet.", "Yes, as long as ...") or the question is not a yes/no
     * question.
     */
    static String yesOrNo(String question, String answer, Language lang) {
        String q = MessageAnalyser.normalize(question == null ? "" : question);
        String a = MessageAnalyser.normalize(answer == null ? "" : answer);
        if (!YES_NO_QUESTION.matcher(q).find() || STARTS_YES_NO.matcher(a).find()) {
            return "";
        }
        // only when the answer is about what was asked: every word of the question's own is in its first sentence
        // ("do you ship to Japan?" answered by the delivery times is not a yes)
        String first = " " + MessageAnalyser.normalize(answer.split("(?<=[.!?])\\s|\\n", 2)[0]) + " ";
        for (String w : q.split(" ")) {
            if (w.length() >= 4 && !FRAME_WORDS.contains(w) && !first.contains(" " + w)) {
                return "";
            }
        }
        String firstClause = answer.split("[;:,.!?\\n]", 2)[0];
        boolean no = NEGATION.matcher(MessageAnalyser.normalize(firstClause)).find();
        return ReplyCatalog.text(lang, no ? "facts.no" : "facts.yes") + " ";
    }

    /**
     * The store owner's own answer to this question (written in the console, cited "Store answer"), when the search
     * matched one: it is said as written, ahead of anything the pages say.
     */
    static StoreFacts.Answer ownerAnswer(List<KnowledgeHit> hits) {
        for (KnowledgeHit h : hits) {
            if (h.sourceKey() != null && h.sourceKey().startsWith("answer:") && h.text() != null && !h.text().isBlank()) {
                return new StoreFacts.Answer(true, h.text().strip(), h.title(), h.url());
            }
        }
        return null;
    }

    /** The passages of the store's pages and posts: a product's description is no policy. */
    private static List<KnowledgeHit> pagesOnly(List<KnowledgeHit> hits) {
        return hits.stream().filter(h -> h.sourceKey() == null || !h.sourceKey().startsWith("product")).toList();
    }

    /** Answers to a question the dialogue asked: they continue the task, whatever their words look like. */
    private static final java.util.Set<Intent> GIVES = java.util.EnumSet.of(Intent.GIVE_EMAIL, Intent.GIVE_CODE,
            Intent.GIVE_ORDER_NUMBER, Intent.YES, Intent.NO);

    /**
     * The topic analysis (four languages, finer topics) fills what the intent rules leave open: a message they did
     * not understand, and every message in another language than English (the rules only know English). The order
     * number the analysis reads counts when the rules saw none ("¿Dónde está mi pedido 52?").
     */
    private static Understanding withTopic(Understanding u, Analysis a, Language lang) {
        Intent intent = u.intent();
        if (a.topic() != Topic.OTHER && !GIVES.contains(intent) && (intent == Intent.OTHER
                || lang != Language.EN && !intent.isPrivate() && intent != Intent.HANDOFF && intent != Intent.CART_SUMMARY)) {
            Intent byTopic = a.topic().intent();
            // in English the rules know products: a product topic without a catalogue product stays not understood
            boolean unknownProduct = lang == Language.EN && byTopic.isProduct() && u.product() == null;
            if (byTopic != Intent.OTHER && !unknownProduct) {
                intent = byTopic;
            }
        }
        Long order = u.orderNumber() != null ? u.orderNumber() : a.orderNumber();
        if (intent == u.intent() && java.util.Objects.equals(order, u.orderNumber())) {
            return u;
        }
        return new Understanding(intent, u.by(), u.score(), u.unsure(), u.guess(), order, u.email(), u.code(),
                u.product(), u.productQuery(), u.address());
    }

    /**
     * Topics the intents have no path for: small talk (answered, never a ticket, never "not understood"), privacy
     * requests (the verified self-service: email, code, then how it works), store facts (from the store's pages, the
     * page as the source) and reasoning over the catalogue (cheapest, on sale, under a price, a colour and size).
     * Null: the intent's path answers.
     */
    private Uni<AssistantReply> byTopic(TurnContext ctx, Understanding u, Analysis a, String message, Language lang,
            Calls calls) {
        Topic t = a.topic();
        if (t == Topic.SMALL_TALK && u.product() == null && u.orderNumber() == null) {
            return answer(ReplyCatalog.text(lang, SmallTalk.replyKey(t, message)), calls);
        }
        if (t == Topic.PRIVACY_DELETE || t == Topic.PRIVACY_EXPORT) {
            if (u.email() != null) {
                return privacy(ctx, t, u, lang, calls);
            }
            return ask(ReplyCatalog.text(lang, SmallTalk.replyKey(t, message)), Ui.askEmail(), calls);
        }
        // an order or cart request the rules recognised stays one ("my email is ..." is no contact question); "what's
        // your phone number" is a store fact even where the rules read a wish for a person. The intent of a message in
        // another language than English is the English model's guess ("Quel est votre numéro de téléphone ?" read as
        // an order question): there the topic, read in the message's own language, decides.
        boolean ownRequest = (u.intent().isPrivate() || u.intent() == Intent.CART_SUMMARY)
                && (lang == Language.EN || "rule".equals(u.by()));
        if (t.isStoreFact() && u.orderNumber() == null && !ownRequest) {
            return storeFact(ctx, message, t, lang, calls);
        }
        if (t == Topic.PRODUCT_REASONING || t == Topic.STOCK_CHECK || t == Topic.PRODUCT_SEARCH
                || t == Topic.PRODUCT_PRICE) {
            ProductQuery q = ProductQueryParser.parse(message);
            if (t == Topic.PRODUCT_REASONING || !q.attributes().isEmpty() || lang != Language.EN) {
                return reason(ctx, u, q, lang, calls);
            }
        }
        return null;
    }

    /** The privacy request the shopper made before handing over their email or code, or null. */
    private static Topic privacyRequest(List<io.csc.chat.assistant.HistoryMessage> history) {
        if (history == null) {
            return null;
        }
        int seen = 0;
        for (int i = history.size() - 1; i >= 0 && seen < 4; i--) {
            io.csc.chat.assistant.HistoryMessage m = history.get(i);
            if (!"user".equals(m.role()) || m.text() == null) {
                continue;
            }
            seen++;
            Analysis a = MessageAnalyser.analyse(m.text(), Language.EN);
            if (a.topic() == Topic.PRIVACY_DELETE || a.topic() == Topic.PRIVACY_EXPORT) {
                return a.topic();
            }
            if (a.email() == null && a.code() == null) {
                return null; // another request came between
            }
        }
        return null;
    }

    /**
     * The verified self-service for a privacy request: a one-time code to the email, then, once the code proves it,
     * how the export or deletion is done. Nothing is deleted from a chat message: the deletion is its own request.
     */
    private Uni<AssistantReply> privacy(TurnContext ctx, Topic request, Understanding u, Language lang, Calls calls) {
        if (u.intent() != Intent.GIVE_CODE && u.code() == null) {
            return verification.sendCode(ctx, u.email()).map(calls::add).flatMap(r -> {
                if (r.status() == Status.UNAVAILABLE) {
                    return unreachable(calls);
                }
                if (r.status() == Status.CONSENT_REQUIRED) {
                    return consentAsked(r, calls);
                }
                return r.ok() ? ask(ReplyCatalog.text(lang, "ask.code"), Ui.askCode(), calls) : answer(text(r), calls);
            });
        }
        return verification.verifyCode(ctx, null, u.code()).map(calls::add).flatMap(r -> {
            if (r.status() == Status.UNAVAILABLE) {
                return unreachable(calls);
            }
            if (r.ui() != null && "email".equals(r.ui().input())) {
                return ask(ReplyCatalog.text(lang, "ask.email"), Ui.askEmail(), calls);
            }
            if (!r.ok()) {
                return r.ui() != null && "code".equals(r.ui().input())
                        ? ask(text(r) + " " + ReplyCatalog.text(lang, "retype.code"), Ui.askCode(), calls)
                        : answer(text(r), calls);
            }
            // the team carries out the verified request (a person checks before anything is erased)
            boolean delete = request == Topic.PRIVACY_DELETE;
            return handoffs.handOff(ctx, delete
                    ? "Privacy: the shopper asked to delete their personal data (verified by one-time code)."
                    : "Privacy: the shopper asked for a copy of their personal data (verified by one-time code).",
                    null, false).map(calls::add).map(
                            h -> h.ok()
                                    ? reply(ReplyCatalog.text(lang,
                                            delete ? "privacy.verified.delete" : "privacy.verified.export"),
                                            Ui.handedOff(), false, calls, "handoff")
                                    : reply(ReplyCatalog.text(lang, "unreachable"), null, false, calls, "error"));
        });
    }

    /**
     * A store fact from the store's pages: the search gets the pages' own words for a question phrased unlike them,
     * the answer is the sentence or two that answer it with that page as its only source (no inline link, no three
     * quotes). A yes/no question about a payment method starts with the yes when the page names it. Pages in another
     * language than the shopper's are quoted as they are, and the reply says so. Nothing found: a handoff is offered
     * as a question, never opened.
     */
    private Uni<AssistantReply> storeFact(TurnContext ctx, String message, Topic topic, Language lang, Calls calls) {
        Uni<StoreProfile> profile = profiles.of(ctx.domain());
        return searchPages(ctx, message, topic, lang).flatMap(r -> profile.flatMap(settings -> {
            List<KnowledgeHit> hits = hitsOf(r);
            StoreFacts.Answer fact = ownerAnswer(hits);
            if (fact == null) {
                fact = overview(message, hits, lang);
            }
            boolean fromSettings = false;
            if (fact == null) {
                // the store's own settings first (payment methods, shipping zones, address, currency), then its pages
                StoreFacts.Answer page = StoreFacts.answer(message, topic, lang, null, hits);
                StoreFacts.Answer set = settings == null ? null : StoreFacts.answer(message, topic, lang, settings, hits);
                if (set != null && set.known() && set.sourceUrl() == null) {
                    fromSettings = true;
                    // the settings' fact, with the page that says the same as its source when one does
                    fact = !page.known()
                            ? set
                            : new StoreFacts.Answer(true, set.text() + "\n" + ReplyCatalog.text(
                                    lang, "facts.source", java.util.Map.of("page", page.sourceTitle())), page.sourceTitle(),
                                    page.sourceUrl());
                } else {
                    fact = page;
                }
            }
            if (!fact.known()) {
                calls.add(r);
                calls.results.remove(r);
                return Uni.createFrom().item(reply(ReplyCatalog.text(lang, "policy.unknown"), null, false, calls,
                        "answered", Awaiting.HANDOFF_OFFER));
            }
            // the tool result stays for the record, with the one page the answer comes from as its source
            calls.add(new ToolResult(r.tool(), r.status(), fact.text(), r.data(), List.of(), null,
                    fact.sourceUrl() == null ? List.of() : List.of(new Source(fact.sourceUrl(), fact.sourceTitle(), 1.0))));
            StringBuilder text = new StringBuilder();
            // a yes/no answer from the settings starts with its yes or no already
            String method = topic == Topic.PAYMENT && !fromSettings
                    && !WH_QUESTION.matcher(MessageAnalyser.normalize(message)).find() ? asksForMethod(message) : null;
            if (method != null) {
                // the payment page lists the ways to pay: one it does not name is a no
                boolean named = fact.text().toLowerCase(java.util.Locale.ROOT).contains(method);
                text.append(ReplyCatalog.text(lang, named ? "facts.yes" : "facts.no")).append(' ');
            } else if (!fromSettings) {
                text.append(yesOrNo(message, fact.text(), lang));
            }
            text.append(fact.text());
            if (!fromSettings) {
                pagesLanguage(text, fact.text(), lang);
            }
            return answer(text.toString(), calls);
        }));
    }

    /**
     * The store's pages for a store question: searched with the question and the page words its words stand for; a
     * question in German, Spanish or French whose passages so hold no sentence that answers it (the page words alone
     * are a bag of words the search ranks low: "contact call phone write email") is asked again as the topic's question
     * in English, the language the search's model reads; the passages that answer better are kept.
     */
    private Uni<ToolResult> searchPages(TurnContext ctx, String message, Topic topic, Language lang) {
        return knowledge.search(ctx, StoreFacts.searchQuery(message, topic, lang)).flatMap(r -> {
            String english = lang == Language.EN ? null : StoreFacts.englishQuestion(topic);
            double found = StoreFacts.evidence(message, topic, hitsOf(r));
            // nothing indexed yet: a second search finds nothing either
            if (english == null || r.status() == ToolResult.Status.UNAVAILABLE || found >= StoreFacts.ANSWERS) {
                return Uni.createFrom().item(r);
            }
            return knowledge.search(ctx, english)
                    .map(again -> StoreFacts.evidence(message, topic, hitsOf(again)) > found ? again : r);
        });
    }

    private static List<KnowledgeHit> hitsOf(ToolResult r) {
        List<KnowledgeHit> hits = new ArrayList<>();
        if (r.ok() && r.data() instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof KnowledgeHit h) {
                    hits.add(h);
                }
            }
        }
        return hits;
    }

    /**
     * A page quoted in another language than the shopper's is quoted as it is, and the reply says which language the
     * store's pages are written in. The quote's language is read without its "Source:" line (written in the shopper's).
     */
    private static void pagesLanguage(StringBuilder text, String quoted, Language lang) {
        String quote = quoted;
        int source = quote.lastIndexOf('\n');
        if (source > 0) {
            quote = quote.substring(0, source);
        }
        Language pages = LanguageDetector.detect(quote, lang);
        if (pages != lang) {
            text.append("\n").append(ReplyCatalog.text(lang, "pages.language",
                    java.util.Map.of("language", ReplyCatalog.languageName(pages, lang))));
        }
    }

    /**
     * The query's words the catalogue knows: a greeting or an adjective in another language ("hola", "inalambricos")
     * must not turn "¿tienen auriculares inalámbricos?" into "we don't sell that". When no word is known the query
     * stays as asked (and the answer is honestly "we don't sell that").
     */
    static ProductQuery knownWords(ProductQuery q, List<ProductSummary> catalogue) {
        if (q.words().isEmpty()) {
            return q;
        }
        StringBuilder names = new StringBuilder(" ");
        for (ProductSummary p : catalogue) {
            names.append(MessageAnalyser.normalize(p.name() == null ? "" : p.name())).append(' ');
            if (p.categories() != null) {
                p.categories().forEach(c -> names.append(MessageAnalyser.normalize(c)).append(' '));
            }
        }
        String all = names.toString();
        List<String> known = q.words().stream()
                .filter(w -> all.contains(" " + w + " ") || all.contains(" " + w + "s ") || all.contains(w))
                .toList();
        if (known.isEmpty() || known.size() == q.words().size()) {
            return q;
        }
        return new ProductQuery(q.sort(), q.onSale(), q.minPrice(), q.maxPrice(), q.categories(), known,
                q.attributes(), q.need());
    }

    private static final java.util.regex.Pattern LIMIT = java.util.regex.Pattern
            .compile("\\b\\d+\\s*(days|day|tage|tagen|dias|días|jours)\\b");

    /** The words a policy's rule sentence uses (returns, exchanges, refunds, delivery). */
    private static final java.util.regex.Pattern RULE = java.util.regex.Pattern
            .compile("return|retur|exchange|rückgabe|ruckgabe|umtausch|devol|cambi|échange|echange|deliver|ship");

    private static final java.util.regex.Pattern OVERVIEW = java.util.regex.Pattern
            .compile("\\b(policy|policies|richtlinie|richtlinien|politica|politique|conditions|bedingungen)\\b");

    /**
     * "What is your return policy?" asks for the policy as a whole, not one detail of it: the best page's opening
     * sentences (where a policy states its rule: "30 days"), with that page as the source. Null for other questions.
     */
    private static StoreFacts.Answer overview(String message, List<KnowledgeHit> hits, Language lang) {
        if (hits.isEmpty() || !OVERVIEW.matcher(MessageAnalyser.normalize(message == null ? "" : message)).find()) {
            return null;
        }
        KnowledgeHit best = hits.get(0);
        String text = null;
        // a policy's rule is the sentence with its time limit ("within 30 days"); else the best passage's opening
        for (KnowledgeHit h : hits) {
            if (!java.util.Objects.equals(h.url(), best.url())) {
                continue;
            }
            for (String sentence : h.text().split("(?<=[.!?])\\s+")) {
                String lower = sentence.toLowerCase(java.util.Locale.ROOT);
                if (text == null && LIMIT.matcher(lower).find() && RULE.matcher(lower).find()) {
                    text = sentence;
                }
            }
        }
        if (text == null) {
            String[] sentences = best.text().split("(?<=[.!?])\\s+");
            text = sentences.length > 1 ? sentences[0] + " " + sentences[1] : sentences[0];
        }
        return new StoreFacts.Answer(true,
                text + "\n" + ReplyCatalog.text(lang, "facts.source", java.util.Map.of("page", best.title())),
                best.title(), best.url());
    }

    /** The best passage's opening sentence or two, with its page as the source. */
    private static StoreFacts.Answer opening(KnowledgeHit best, Language lang) {
        String[] sentences = best.text().split("(?<=[.!?])\\s+");
        String text = sentences.length > 1 && sentences[0].length() < 200
                ? sentences[0] + " " + sentences[1]
                : sentences[0];
        return new StoreFacts.Answer(true,
                text + "\n" + ReplyCatalog.text(lang, "facts.source", java.util.Map.of("page", best.title())),
                best.title(), best.url());
    }

    /** The payment method a yes/no question names, in the page's words ("card", "paypal"), or null. */
    private static String asksForMethod(String message) {
        String norm = MessageAnalyser.normalize(message == null ? "" : message);
        if (norm.matches(".*\\b(credit|card|cards|kreditkarte|kreditkarten|tarjeta|tarjetas|carte|cartes)\\b.*")) {
            return "card";
        }
        if (norm.matches(".*\\bpaypal\\b.*")) {
            return "paypal";
        }
        if (norm.matches(".*\\b(transfer|uberweisung|ueberweisung|transferencia|virement)\\b.*")) {
            return "transfer";
        }
        return null;
    }

    /**
     * Reasoning over the catalogue: the parsed query (sort, on sale, price range, category, colour and size) against
     * the store's products; a colour or size of one product reads that product's variations with their stock. "We
     * don't sell that" is said only when nothing of the kind exists.
     */
    private Uni<AssistantReply> reason(TurnContext ctx, Understanding u, ProductQuery asked, Language lang,
            Calls calls) {
        Uni<io.csc.model.commerce.PriceFormat> format = catalogs.priceFormat(ctx);
        return catalogs.summaries(ctx).onFailure().recoverWithItem(List.of()).flatMap(all -> {
            if (all.isEmpty()) {
                // no catalogue to reason over: never "we don't sell that" from an empty read
                return Uni.createFrom().<ProductAnswer>nullItem();
            }
            ProductQuery q = knownWords(asked, all);
            ProductAnswer first = ProductReasoner.answer(all, q);
            if (q.attributes().isEmpty() || first.product() == null
                    || first.product().variations() != null && !first.product().variations().isEmpty()) {
                return Uni.createFrom().item(first);
            }
            long id = first.product().id();
            return catalogs.product(ctx, id).map(full -> {
                List<ProductSummary> with = new ArrayList<>();
                for (ProductSummary p : all) {
                    with.add(p.id() == id ? full : p);
                }
                return ProductReasoner.answer(with, q);
            });
        }).flatMap(a -> a == null ? product(ctx, withQuery(u, asked), calls) : format.map(f -> {
            ProductQuery q = asked;
            String lead = a.kind() == ProductAnswer.Kind.MATCHES ? ProductReasoner.lead(q, lang) + "\n" : "";
            String body = ProductReasoner.render(a, lang, f::format);
            if (a.kind() == ProductAnswer.Kind.NOT_SOLD && lang == Language.EN && u.productQuery() != null
                    && !u.productQuery().isBlank()) {
                // the shopper's own words ("blue widgets"), not only the kind the reasoner looked for
                body = ReplyCatalog.text(lang, "product.not.sold", java.util.Map.of("what", u.productQuery()));
            }
            if (a.kind() == ProductAnswer.Kind.MATCHES && body.startsWith(ReplyCatalog.text(lang, "reasoning.matches"))) {
                body = body.substring(ReplyCatalog.text(lang, "reasoning.matches").length()).stripLeading();
            }
            return reply(lead + body, null, false, calls, "answered");
        })).onFailure().recoverWithItem(e -> reply(ReplyCatalog.text(lang, "unreachable"), null, false, calls, "error"));
    }

    /**
     * The product words of a message the English rules could not read ("Habt ihr Hoodies?" is a search for "hoodies"),
     * for the product tools when there is no catalogue to reason over.
     */
    private static Understanding withQuery(Understanding u, ProductQuery q) {
        if (u.product() != null || u.productQuery() != null && !u.productQuery().isBlank() || q.words().isEmpty()) {
            return u;
        }
        Intent intent = u.intent().isProduct() ? u.intent() : Intent.PRODUCT_SEARCH;
        return new Understanding(intent, u.by(), u.score(), u.unsure(), u.guess(), u.orderNumber(), u.email(), u.code(),
                null, String.join(" ", q.words()), u.address());
    }

    /**
     * Policies, shipping, payment and other store facts come from the store's own pages (store knowledge), quoted with
     * their sources. Nothing relevant found: for a policy question the assistant says so and offers the team (it never
     * guesses a policy); for a message it did not understand, it asks again as before.
     */
    private Uni<AssistantReply> storeKnowledge(TurnContext ctx, String message, Calls calls, DialogueState notUnderstood) {
        // the pages' own words added to a question phrased unlike them (in any of the four languages)
        return knowledge.search(ctx, StoreFacts.searchQuery(message, Topic.OTHER, calls.lang)).map(calls::add).flatMap(r -> {
            List<KnowledgeHit> hits = hitsOf(r);
            StoreFacts.Answer fact = ownerAnswer(hits);
            if (fact == null && !hits.isEmpty()) {
                fact = overview(message, hits, calls.lang);
            }
            if (fact == null && !hits.isEmpty()) {
                fact = StoreFacts.answer(message, Topic.OTHER, calls.lang, null, hits);
                if (!fact.known()) {
                    // a policy question: the best page's opening; a message not understood: no quote of a guess
                    fact = notUnderstood == null ? opening(hits.get(0), calls.lang) : null;
                }
            }
            if (r.ok() && fact != null) {
                // the sentence or two that answer, the page as the only source (not three quotes with inline links)
                calls.results.remove(r);
                calls.add(new ToolResult(r.tool(), r.status(), fact.text(), r.data(), List.of(), null,
                        List.of(new Source(fact.sourceUrl(), fact.sourceTitle(), 1.0))));
                StringBuilder text = new StringBuilder(yesOrNo(message, fact.text(), calls.lang)).append(fact.text());
                pagesLanguage(text, fact.text(), calls.lang);
                return answer(text.toString(), calls);
            }
            if (notUnderstood != null) {
                // the search was only a second chance: its refusal is not this turn's answer
                calls.results.remove(r);
                return notUnderstood(ctx, notUnderstood, calls);
            }
            return Uni.createFrom().item(reply(Replies.POLICY_UNKNOWN, null, false, calls, "answered", Awaiting.HANDOFF_OFFER));
        });
    }

    /** A number in this message wins; else the task's number from the history (only when the task is the same kind). */
    private static Long orderOf(Understanding u, DialogueState state, Intent intent) {
        if (u.orderNumber() != null) {
            return u.orderNumber();
        }
        return state.order();
    }

    /** The shopper hands over data or answers a question: continue the task the history shows. */
    private Uni<AssistantReply> proceed(TurnContext ctx, DialogueState state, Understanding u, Calls calls) {
        Intent goal = state.goal();
        switch (u.intent()) {
            case YES :
                // a proposal is confirmed (or withdrawn) by chat-core before this class runs: a yes here confirms nothing
                if (state.offeredTeam()) {
                    return handOff(ctx, "A question the assistant could not answer.", u.email(), calls, null);
                }
                if (goal != null && goal.isPrivate()) {
                    return order(ctx, goal, state.order(), u.email(), null, calls);
                }
                return answer(Replies.NOTHING_PENDING, calls);
            case NO :
                return answer(Replies.NOTHING_PENDING, calls);
            case GIVE_CODE :
                return verification.verifyCode(ctx, null, u.code()).map(calls::add).flatMap(r -> {
                    if (r.status() == Status.UNAVAILABLE) {
                        return unreachable(calls);
                    }
                    if (r.ui() != null && "email".equals(r.ui().input())) {
                        return ask(Replies.ASK_EMAIL, Ui.askEmail(), calls);
                    }
                    if (!r.ok()) {
                        // the tool says how many tries are left, or that a new code is needed
                        return r.ui() != null && "code".equals(r.ui().input())
                                ? ask(text(r) + " " + Replies.RETYPE_CODE, Ui.askCode(), calls)
                                : answer(text(r), calls);
                    }
                    if (goal == Intent.CHANGE_ADDRESS && state.order() != null) {
                        return askFor(Replies.VERIFIED + " " + Replies.ASK_ADDRESS, Awaiting.ADDRESS, calls);
                    }
                    if (goal != null && goal.isPrivate()) {
                        return order(ctx, goal, state.order(), null, null, calls);
                    }
                    return answer(Replies.VERIFIED + " " + ReplyCatalog.text(calls.lang, "verified.ask.orders"), calls);
                });
            case GIVE_EMAIL :
                if (goal == Intent.HANDOFF) {
                    return handOff(ctx, "The shopper asked for a person and gave an email address for the answer.",
                            u.email(), calls, null);
                }
                if (goal != null && goal.isPrivate()) {
                    Long n = u.orderNumber() != null ? u.orderNumber() : state.order();
                    return order(ctx, goal, n, u.email(), null, calls);
                }
                if (u.orderNumber() != null) {
                    return order(ctx, Intent.ORDER_STATUS, u.orderNumber(), u.email(), null, calls);
                }
                return answer(ReplyCatalog.text(calls.lang, "email.received"), calls);
            case GIVE_ORDER_NUMBER :
                Intent task = goal != null && goal.isPrivate() && goal != Intent.RECENT_ORDERS ? goal : Intent.ORDER_STATUS;
                return order(ctx, task, u.orderNumber(), u.email(), u.address(), calls);
            default :
                return notUnderstood(ctx, state, calls);
        }
    }

    // ---- orders: the gate is in the tools; this only chooses the next step from their answers

    private Uni<AssistantReply> order(TurnContext ctx, Intent intent, Long n, String email, Address address,
            Calls calls) {
        if (intent == Intent.RECENT_ORDERS) {
            return orders.recentOrders(ctx).map(calls::add)
                    .flatMap(r -> afterOrderTool(ctx, intent, null, email, address, r, calls));
        }
        if (n == null && (intent == Intent.ORDER_STATUS || intent == Intent.TRACKING)) {
            // a shopper whose orders the conversation may list (a code, or signed in) needs no number: the newest order
            return codeLevel(ctx, calls).flatMap(strong -> Boolean.TRUE.equals(strong)
                    ? latestOrder(ctx, intent, calls)
                    : askFor(Replies.ASK_ORDER, Awaiting.ORDER_NUMBER, calls));
        }
        if (n == null) {
            return askFor(Replies.ASK_ORDER, Awaiting.ORDER_NUMBER, calls);
        }
        if (intent == Intent.CHANGE_ADDRESS) {
            return changeAddress(ctx, n, email, address, calls);
        }
        return call(ctx, intent, n, address).map(calls::add)
                .flatMap(r -> afterOrderTool(ctx, intent, n, email, address, r, calls));
    }

    private Uni<ToolResult> call(TurnContext ctx, Intent intent, long n, Address address) {
        return switch (intent) {
            case TRACKING -> orders.tracking(ctx, n);
            case CANCEL_ORDER -> changes.proposeCancel(ctx, n, "Requested by the shopper in the chat");
            case REFUND_REQUEST -> changes.proposeRefund(ctx, n, "Requested by the shopper in the chat");
            case CHANGE_ADDRESS -> changes.proposeAddressChange(ctx, n, address);
            default -> orders.orderStatus(ctx, n);
        };
    }

    private Uni<AssistantReply> afterOrderTool(TurnContext ctx, Intent intent, Long n, String email, Address address,
            ToolResult r, Calls calls) {
        boolean needsCode = intent.isChange() || intent == Intent.RECENT_ORDERS;
        switch (r.status()) {
            case VERIFICATION_REQUIRED :
                if (email == null) {
                    return ask(Replies.ASK_EMAIL, Ui.askEmail(), calls);
                }
                if (needsCode || n == null) {
                    return sendCode(ctx, email, calls);
                }
                return verification.startSimple(ctx, email, n).map(calls::add).flatMap(v -> {
                    if (v.status() == Status.UNAVAILABLE) {
                        return unreachable(calls);
                    }
                    if (v.status() == Status.CONSENT_REQUIRED) {
                        return consentAsked(v, calls);
                    }
                    if (!v.ok()) {
                        return ask(Replies.NO_MATCH, Ui.askEmail(), calls);
                    }
                    return call(ctx, intent, n, address).map(calls::add)
                            .flatMap(again -> again.status() == Status.VERIFICATION_REQUIRED
                                    || again.status() == Status.NOT_OWNED
                                            ? ask(Replies.NO_MATCH, Ui.askEmail(), calls)
                                            : afterOrderTool(ctx, intent, n, null, address, again, calls));
                });
            case STEP_UP_REQUIRED :
                // a code to this message's email, or else to the one a simple match proved (the tool knows it)
                return sendCode(ctx, email, calls);
            case UNAVAILABLE :
                return unreachable(calls);
            case NOT_OWNED :
                return Uni.createFrom().item(reply(n == null
                        ? text(r)
                        : ReplyCatalog.text(calls.lang, "order.not.owned", java.util.Map.of("order", n)),
                        null, false, calls,
                        "refused"));
            case PENDING_CONFIRMATION :
                return Uni.createFrom().item(reply(text(r), r.ui(), false, calls, "answered"));
            default :
                return answer(text(r), calls);
        }
    }

    /** An address change needs a code first; the address is asked for after it (the history keeps no addresses). */
    private Uni<AssistantReply> changeAddress(TurnContext ctx, long n, String email, Address address, Calls calls) {
        return codeLevel(ctx, calls).flatMap(level -> {
            if (level == null) {
                return unreachable(calls);
            }
            if (!level) {
                return sendCode(ctx, email, calls);
            }
            if (address == null) {
                return askFor(Replies.ASK_ADDRESS, Awaiting.ADDRESS, calls);
            }
            return orders.orderStatus(ctx, n).map(calls::add).flatMap(current -> {
                Address full = withNames(address, current);
                return changes.proposeAddressChange(ctx, n, full).map(calls::add)
                        .flatMap(r -> afterOrderTool(ctx, Intent.CHANGE_ADDRESS, n, null, address, r, calls));
            });
        });
    }

    /** True when the conversation is verified by one-time code or signed identity; null when that cannot be read. */
    private Uni<Boolean> codeLevel(TurnContext ctx, Calls calls) {
        if (ctx.identityEmail() != null) {
            return Uni.createFrom().item(true);
        }
        return verification.status(ctx).map(r -> {
            if (r.status() == Status.UNAVAILABLE) {
                return null;
            }
            // "none", "simple" (one order matched) or "strong" (one-time code or signed identity)
            return "strong".equals(r.data());
        });
    }

    /** Keeps the recipient's name, company and phone from the order when the shopper gave only the address. */
    private static Address withNames(Address a, ToolResult current) {
        if (current.data() instanceof OrderSummary o && o.shipping() != null) {
            Address s = o.shipping();
            return new Address(s.firstName(), s.lastName(), s.company(), a.address1(), a.address2(), a.city(),
                    a.state(), a.postcode(), a.country(), s.phone());
        }
        return a;
    }

    private Uni<AssistantReply> sendCode(TurnContext ctx, String email, Calls calls) {
        return verification.sendCode(ctx, email).map(calls::add).flatMap(r -> {
            if (r.status() == Status.UNAVAILABLE) {
                return unreachable(calls);
            }
            if (r.status() == Status.CONSENT_REQUIRED) {
                return consentAsked(r, calls);
            }
            if (r.status() == Status.VERIFICATION_REQUIRED || r.ui() != null && "email".equals(r.ui().input())) {
                return ask(Replies.ASK_EMAIL, Ui.askEmail(), calls);
            }
            if (!r.ok()) {
                // a code that cannot be re-sent yet: the code field stays
                return r.ui() != null && "code".equals(r.ui().input())
                        ? ask(text(r), Ui.askCode(), calls)
                        : answer(text(r), calls);
            }
            // the tool's own words say how long the code is valid, in the shopper's language
            String msg = r.text() != null && !r.text().isBlank() ? r.text() : Replies.ASK_CODE;
            return ask(msg, Ui.askCode(), calls);
        });
    }

    /** The consent question with its button; chat-core takes the answer (and then answers this message again). */
    private Uni<AssistantReply> consentAsked(ToolResult r, Calls calls) {
        return Uni.createFrom().item(reply(text(r), r.ui(), false, calls, "answered"));
    }

    // ---- products, cart, handoff

    private Uni<AssistantReply> product(TurnContext ctx, Understanding u, Calls calls) {
        ProductMatcher.Entry p = u.product();
        String query = u.productQuery() == null ? "" : u.productQuery();
        Long pageProduct = pageProduct(ctx);
        if (p == null && query.isBlank() && pageProduct == null) {
            return ask(Replies.ASK_PRODUCT, null, calls);
        }
        Uni<ToolResult> call;
        String lead;
        switch (u.intent()) {
            case STOCK_CHECK -> {
                if (p == null && query.isBlank()) {
                    call = products.details(ctx, pageProduct);
                } else {
                    call = products.stock(ctx,
                            p != null ? (p.sku() != null && !p.sku().isBlank() ? p.sku() : p.name()) : query);
                }
                lead = ReplyCatalog.text(calls.lang, "products.lead.have");
            }
            case PRODUCT_DETAILS -> {
                if (p != null) {
                    call = products.details(ctx, p.id());
                } else if (query.isBlank()) {
                    call = products.details(ctx, pageProduct);
                } else {
                    call = products.search(ctx, query);
                }
                lead = ReplyCatalog.text(calls.lang, "products.lead.found");
            }
            default -> {
                call = products.search(ctx, p != null ? p.name() : query.isBlank() ? "" : query);
                lead = ReplyCatalog.text(calls.lang, "products.lead.found");
            }
        }
        String wanted = p != null ? p.name() : query;
        return call.map(calls::add).map(r -> {
            catalogs.learn(ctx, r);
            if (r.status() == Status.UNAVAILABLE) {
                return reply(Replies.UNREACHABLE, null, false, calls, "error");
            }
            if (r.status() == Status.NOT_FOUND || r.ok() && r.data() instanceof List<?> l && l.isEmpty()) {
                String what = wanted.isBlank() ? ReplyCatalog.text(calls.lang, "product.that") : Replies.quoted(wanted);
                // nothing of that name in the catalogue: the store doesn't sell it ("not in stock" would say it does)
                return reply(u.intent() == Intent.STOCK_CHECK
                        ? ReplyCatalog.text(calls.lang, "product.not.sold", java.util.Map.of("what", what))
                        : ReplyCatalog.text(calls.lang, "product.not.found", java.util.Map.of("what", what)), null, false,
                        calls, "answered");
            }
            return reply(Replies.products(r, lead, calls.lang), null, false, calls, "answered");
        });
    }

    private static Long pageProduct(TurnContext ctx) {
        PageContext page = ctx.shopper() == null ? null : ctx.shopper().page();
        return page != null && "product".equals(page.type()) ? page.productId() : null;
    }

    private Uni<AssistantReply> cart(TurnContext ctx, Calls calls) {
        return carts.summary(ctx).map(calls::add).map(r -> r.status() == Status.UNAVAILABLE
                ? reply(Replies.UNREACHABLE, null, false, calls, "error")
                : reply(text(r), null, false, calls, "answered"));
    }

    private Uni<AssistantReply> handOff(TurnContext ctx, String reason, String email, Calls calls, String lead) {
        return handoffs.handOff(ctx, reason, email, email != null).map(calls::add).map(r -> {
            if (!r.ok()) {
                return reply(r.status() == Status.UNAVAILABLE ? Replies.UNREACHABLE : text(r), null, false, calls, "error");
            }
            String msg = lead == null ? text(r) : lead + " " + text(r);
            return reply(msg, Ui.handedOff(), false, calls, "handoff");
        });
    }

    /**
     * Not understood {@code CHAT_AUTO_HANDOFF_AFTER} times in a row (this turn included; counted in the stored state):
     * the store's team takes over.
     */
    private Uni<AssistantReply> notUnderstood(TurnContext ctx, DialogueState state, Calls calls) {
        int after = config.autoHandoffAfter();
        if (after > 0 && state.notUnderstood() + 1 >= after) {
            return handoffs.handOffAfterFailures(ctx).map(calls::add)
                    .map(r -> r.ok()
                            ? reply(text(r), Ui.handedOff(), false, calls, "handoff")
                            : reply(Replies.UNREACHABLE, null, false, calls, "error"));
        }
        AssistantReply r = reply(Replies.NOT_UNDERSTOOD, null, false, calls, "answered");
        return Uni.createFrom().item(new AssistantReply(r.message(), r.sources(), null, false, r.toolResults(), r.mode(),
                r.outcome(), Awaiting.NOTHING, true));
    }

    // ---- replies

    private static String text(ToolResult r) {
        return r.text() == null || r.text().isBlank() ? Replies.NOTHING_PENDING : r.text();
    }

    private Uni<AssistantReply> unreachable(Calls calls) {
        return Uni.createFrom().item(reply(Replies.UNREACHABLE, null, false, calls, "error"));
    }

    private Uni<AssistantReply> answer(String message, Calls calls) {
        return Uni.createFrom().item(reply(message, null, false, calls, "answered"));
    }

    private Uni<AssistantReply> ask(String message, Ui ui, Calls calls) {
        boolean verify = ui != null && ui.input() != null;
        return Uni.createFrom().item(reply(message, ui, verify, calls, "answered"));
    }

    /** A question with no widget field: what it waits for is said here (a field says it by itself). */
    private Uni<AssistantReply> askFor(String message, Awaiting awaiting, Calls calls) {
        return Uni.createFrom().item(reply(message, null, false, calls, "answered", awaiting));
    }

    private static AssistantReply reply(String message, Ui ui, boolean requiresVerification, Calls calls,
            String outcome) {
        return reply(message, ui, requiresVerification, calls, outcome, null);
    }

    private static AssistantReply reply(String message, Ui ui, boolean requiresVerification, Calls calls,
            String outcome, Awaiting awaiting) {
        List<Source> sources = new ArrayList<>();
        for (ToolResult r : calls.results) {
            if (r.sources() != null) {
                sources.addAll(r.sources());
            }
        }
        return new AssistantReply(translated(message, calls.lang), sources, ui, requiresVerification,
                List.copyOf(calls.results), "builtin", outcome, awaiting, false);
    }

    /** The fixed sentences of {@link Replies} and their keys in the reply catalogue. */
    private static final java.util.Map<String, String> KEYS = java.util.Map.ofEntries(
            java.util.Map.entry(Replies.ASK_EMAIL, "ask.email"), java.util.Map.entry(Replies.ASK_CODE, "ask.code"),
            java.util.Map.entry(Replies.RETYPE_CODE, "retype.code"), java.util.Map.entry(Replies.ASK_ORDER, "ask.order"),
            java.util.Map.entry(Replies.ASK_ADDRESS, "ask.address"),
            java.util.Map.entry(Replies.ASK_PRODUCT, "ask.product"), java.util.Map.entry(Replies.GREETING, "greeting"),
            java.util.Map.entry(Replies.THANKS, "thanks"), java.util.Map.entry(Replies.NOT_UNDERSTOOD, "not.understood"),
            java.util.Map.entry(Replies.POLICY_UNKNOWN, "policy.unknown"),
            java.util.Map.entry(Replies.UNREACHABLE, "unreachable"), java.util.Map.entry(Replies.NO_MATCH, "no.match"),
            java.util.Map.entry(Replies.NOTHING_PENDING, "nothing.pending"),
            java.util.Map.entry(Replies.VERIFIED, "verified"), java.util.Map.entry(Replies.WITHDRAWN, "withdrawn"));

    /**
     * The assistant's own sentences in the shopper's language (facts from tools stay as the tools word them). English
     * replies are left exactly as they are.
     */
    static String translated(String message, Language lang) {
        if (message == null || lang == Language.EN) {
            return message;
        }
        String out = message;
        for (java.util.Map.Entry<String, String> e : KEYS.entrySet()) {
            if (out.contains(e.getKey())) {
                out = out.replace(e.getKey(), ReplyCatalog.text(lang, e.getValue()));
            }
        }
        return out;
    }
}
