package io.csc.chat.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.assistant.PageContext;
import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.VerificationState;
import io.csc.chat.client.CartClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.gate.Gate;
import io.csc.chat.greeting.GreetingService;
import io.csc.chat.identity.IdentityService;
import io.csc.chat.insight.TurnLedger;
import io.csc.chat.live.LiveService;
import io.csc.chat.turn.ChatService;
import io.csc.chat.turn.TurnInput;
import io.csc.chat.turn.TurnOutcome;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/** The shopper's chat: a turn, the same turn streamed, the greeting, and the stored history. */
@Path("/api/chat")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChatResource {
    static final String BUCKET = "chat";

    private final ChatService chat;
    private final PublicEdge edge;
    private final ConversationRepository conversations;
    private final GreetingService greetings;
    private final IdentityService identities;
    private final CartClient carts;
    private final Gate gate;
    private final ChatConfig config;
    private final TurnLedger ledger;
    private final LiveService live;

    public ChatResource(ChatService chat, PublicEdge edge, ConversationRepository conversations, GreetingService greetings,
            IdentityService identities, CartClient carts, Gate gate, ChatConfig config, TurnLedger ledger,
            LiveService live) {
        this.live = live;
        this.ledger = ledger;
        this.chat = chat;
        this.edge = edge;
        this.conversations = conversations;
        this.greetings = greetings;
        this.identities = identities;
        this.carts = carts;
        this.gate = gate;
        this.config = config;
    }

    @POST
    public Uni<ChatResponse> turn(ChatRequest body, HttpServerRequest request, HttpServerResponse response) {
        Checked c = check(body, true);
        return edge.admit(request, response, c.domain, BUCKET, c.sessionId, config.rateLimit().chat())
                .flatMap(tenant -> {
                    TurnInput in = input(tenant, c, body, edge.clientIp(request));
                    return chat.turn(in).call(o -> o.forwarded()
                            ? Uni.createFrom().voidItem()
                            : ledger.record(tenant.domain(), o.conversationId(), in.message(), o.reply()));
                })
                .map(ChatResource::render);
    }

    /** Opens (or resumes) the session's conversation and answers its greeting. */
    @POST
    @Path("/start")
    public Uni<StartResponse> start(ChatRequest body, HttpServerRequest request, HttpServerResponse response) {
        Checked c = check(body, false);
        return edge.admit(request, response, c.domain, BUCKET, c.sessionId, config.rateLimit().chat()).flatMap(tenant -> {
            ChatRequest.Context context = body.context();
            IdentityService.Identity identity = identities.verify(tenant, context == null ? null : context.identityToken());
            return conversations.open(tenant.domain(), c.sessionId, body.conversationId()).flatMap(conv -> {
                boolean resumed = conv.conversationId().equals(body.conversationId());
                return carts.cartForGreeting(tenant.domain(), c.sessionId)
                        .flatMap(cart -> {
                            GreetingService.Greeting g = greetings.greet(identity == null ? null : identity.segment(),
                                    identity != null, context == null ? null : context.userData(),
                                    context == null ? null : context.cartData(), cart.orElse(null));
                            Uni<Void> stored = resumed
                                    ? Uni.createFrom().voidItem()
                                    : conversations.append(conv.conversationId(), "assistant", g.message());
                            var ctx = new io.csc.chat.assistant.TurnContext(conv.conversationId(), tenant.domain(),
                                    c.sessionId,
                                    edge.clientIp(request), tenant, ShopperContext.empty(),
                                    identity == null ? null : identity.email(), null,
                                    new VerificationState(conv.verificationStarted(), conv.consented()));
                            return stored.chain(() -> gate.access(ctx).map(a -> a.level() != Gate.Level.NONE).onFailure()
                                    .recoverWithItem(false))
                                    .map(verified -> new StartResponse(g.message(), conv.conversationId(), verified, resumed,
                                            g.abandonedCart()));
                        });
            });
        });
    }

    /** The conversation's stored (redacted) messages; another session's conversation is 404. */
    @GET
    @Path("/{conversationId}")
    public Uni<HistoryResponse> history(@RestPath String conversationId, @RestQuery("session_id") String sessionId,
            HttpServerRequest request, HttpServerResponse response) {
        String session = PublicEdge.sessionId(sessionId);
        if (conversationId == null || conversationId.length() > 64) {
            throw ApiException.notFound("conversation_not_found", "Conversation not found");
        }
        return conversations.owned(conversationId, session).flatMap(conv -> {
            if (conv == null) {
                return Uni.createFrom().failure(ApiException.notFound("conversation_not_found", "Conversation not found"));
            }
            return edge.admit(request, response, conv.domain, BUCKET + "-history", session, config.rateLimit().chat() * 10)
                    .chain(() -> conversations.history(conv.id, 200))
                    .flatMap(messages -> live.operatorMessagesOf(conv.id).map(replies -> {
                        if (replies.isEmpty()) {
                            return new HistoryResponse(true, conv.id, messages);
                        }
                        // a person's replies (docs/live-handoff.md) in their place, so a reload shows them
                        List<HistoryMessage> all = new java.util.ArrayList<>(messages);
                        replies.forEach(m -> all.add(new HistoryMessage("operator", m.text(), m.at())));
                        all.sort(java.util.Comparator.comparing(HistoryMessage::at));
                        return new HistoryResponse(true, conv.id, all);
                    }));
        });
    }

    /**
     * The live part of the conversation for polling where Server-Sent Events are blocked: its state and the messages
     * after {@code after} (a person's replies, the assistant's notices). Authorised as {@link #history} is.
     */
    @GET
    @Path("/live/messages")
    public Uni<Map<String, Object>> liveMessages(@RestQuery String domain, @RestQuery("session_id") String sessionId,
            @RestQuery("conversation_id") String conversationId, @RestQuery Long after, HttpServerRequest request,
            HttpServerResponse response) {
        return liveConversation(domain, sessionId, conversationId, request, response)
                .flatMap(id -> live.shopperPoll(id, after == null || after < 0 ? 0 : after));
    }

    /**
     * The session's conversation of this store for a live route (404 otherwise, as {@link #history} answers), after
     * the edge's checks and the history budget.
     */
    Uni<String> liveConversation(String domain, String sessionId, String conversationId, HttpServerRequest request,
            HttpServerResponse response) {
        return liveConversation(live, edge, config, domain, sessionId, conversationId, request, response);
    }

    static Uni<String> liveConversation(LiveService live, PublicEdge edge, ChatConfig config, String domain,
            String sessionId, String conversationId, HttpServerRequest request, HttpServerResponse response) {
        String d = PublicEdge.domain(domain);
        String session = PublicEdge.sessionId(sessionId);
        return live.shopperConversation(d, session, conversationId)
                .call(id -> edge.admit(request, response, d, BUCKET + "-history", session, config.rateLimit().chat() * 10));
    }

    record Checked(String domain, String sessionId) {
    }

    Checked check(ChatRequest body, boolean needsMessage) {
        return check(body, needsMessage, config.maxMessageLength());
    }

    static Checked check(ChatRequest body, boolean needsMessage, int maxLength) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        String domain = PublicEdge.domain(body.domain());
        String session = PublicEdge.sessionId(body.sessionId());
        boolean confirming = body.confirm() != null && !body.confirm().isBlank();
        if (needsMessage && (body.message() == null || body.message().isBlank()) && !confirming) {
            throw ApiException.badRequest("message is required");
        }
        if (body.message() != null && body.message().length() > maxLength) {
            throw new ApiException(413, "message_too_long",
                    "Message too long: at most " + maxLength + " characters");
        }
        if (body.conversationId() != null && body.conversationId().length() > 64) {
            throw ApiException.badRequest("conversation_id is not valid");
        }
        if (body.confirm() != null && body.confirm().length() > 64) {
            throw ApiException.badRequest("confirm is not valid");
        }
        ChatRequest.Context ctx = body.context();
        if (ctx != null && ctx.page() != null && ctx.page().type() != null
                && !List.of("product", "cart", "checkout", "other").contains(ctx.page().type())) {
            throw ApiException.badRequest("context.page.type must be product, cart, checkout or other");
        }
        return new Checked(domain, session);
    }

    static TurnInput input(TenantSettings tenant, Checked c, ChatRequest body, String clientIp) {
        ChatRequest.Context ctx = body.context();
        ShopperContext shopper = ctx == null
                ? ShopperContext.empty()
                : new ShopperContext(ctx.userData() == null ? Map.of() : ctx.userData(),
                        ctx.cartData() == null ? Map.of() : ctx.cartData(),
                        ctx.page() == null
                                ? null
                                : new PageContext(ctx.page().type(), ctx.page().productId(), ctx.page().url()));
        return new TurnInput(tenant, c.sessionId, body.conversationId(), body.message(), shopper,
                ctx == null ? null : ctx.identityToken(), body.confirm(), clientIp);
    }

    static ChatResponse render(TurnOutcome o) {
        var r = o.reply();
        return new ChatResponse(r.message(), o.conversationId(),
                r.sources() == null || r.sources().isEmpty() ? null : r.sources(),
                r.requiresVerification() ? Boolean.TRUE : null, o.verified(),
                "error".equals(r.outcome()) ? "assistant_unavailable" : null, r.ui(),
                r.cards().isEmpty() ? null : r.cards(), o.live());
    }
}
