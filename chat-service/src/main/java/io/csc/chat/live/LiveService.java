package io.csc.chat.live;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.conversation.MessageEntity;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.commerce.OrderSummary;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Live handoff (docs/live-handoff.md): whether a store is staffed now, the operators' inbox and actions (claim, reply,
 * resolve, each recorded), the shopper's messages while a person holds the conversation, and the claim timeout. Every
 * event is written to PostgreSQL first and then published ({@link LiveBus}). An operator acts only on the handoffs of
 * their stores: any other answers 404 as if it did not exist. Operators change no orders here.
 */
@ApplicationScoped
public class LiveService {
    static final Set<String> STATES = Set.of("waiting", "claimed", "open", "resolved", "timed_out", "unstaffed");
    static final Set<String> SHOPPER_STATES = Set.of("waiting", "claimed", "resolved", "timed_out", "unstaffed");
    private static final int MAX_TEXT = 2000;

    private final LiveRepository live;
    private final OperatorRepository operators;
    private final ConversationRepository conversations;
    private final GatewayClient gateway;
    private final LiveBus bus;
    private final Clock clock;

    public LiveService(LiveRepository live, OperatorRepository operators, ConversationRepository conversations,
            GatewayClient gateway, LiveBus bus, Clock clock) {
        this.live = live;
        this.operators = operators;
        this.conversations = conversations;
        this.gateway = gateway;
        this.bus = bus;
        this.clock = clock;
    }

    /** Whether a person can be asked to join now, and why not. */
    public record Availability(LiveSettings settings, String timeZone, String timeZoneSource, int operators,
            boolean withinHours) {
        /** Enabled, within the store's hours and at least one enabled operator. */
        public boolean open() {
            return settings.enabled() && withinHours && operators > 0;
        }
    }

    public Uni<Availability> availability(String domain) {
        return live.settings(domain).flatMap(settings -> operators.countEnabled(domain).flatMap(count -> {
            if (!settings.enabled()) {
                // no need to ask the store for its zone: live chat is off
                return Uni.createFrom().item(new Availability(settings, null, null, count, false));
            }
            return zone(domain).map(z -> new Availability(settings, z.get("timeZone"), z.get("source"), count,
                    settings.hours().isOpen(ZonedDateTime.now(clock.withZone(zoneId(z.get("timeZone")))))));
        }));
    }

    private Uni<Map<String, String>> zone(String domain) {
        return gateway.timeZone(domain).onFailure().recoverWithItem(Map.of("timeZone", "UTC", "source", "default"));
    }

    private static ZoneId zoneId(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** The admin's view of a store's live chat. */
    public Uni<Map<String, Object>> settingsView(String domain) {
        return live.settings(domain).flatMap(s -> zone(domain).flatMap(z -> operators.countEnabled(domain).map(count -> {
            boolean within = s.hours().isOpen(ZonedDateTime.now(clock.withZone(zoneId(z.get("timeZone")))));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("enabled", s.enabled());
            settings.put("timeZone", z.get("timeZone"));
            settings.put("timeZoneSource", z.get("source"));
            settings.put("hours", s.hours().toJson());
            settings.put("claimTimeoutMinutes", s.claimTimeoutMinutes());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("success", true);
            out.put("domain", domain);
            out.put("settings", settings);
            out.put("open", s.enabled() && within && count > 0);
            out.put("operators", count);
            return out;
        })));
    }

    /** Saves the given settings (null: unchanged); 400 on malformed hours or timeout. */
    public Uni<Map<String, Object>> saveSettings(String domain, Boolean enabled, Object hours, Integer claimTimeoutMinutes) {
        BusinessHours parsed;
        try {
            parsed = hours == null ? null : BusinessHours.parse(hours);
        } catch (IllegalArgumentException e) {
            throw new ApiException(400, "invalid_hours", e.getMessage());
        }
        if (claimTimeoutMinutes != null && (claimTimeoutMinutes < 1 || claimTimeoutMinutes > 120)) {
            throw ApiException.badRequest("claimTimeoutMinutes must be between 1 and 120");
        }
        return live.settings(domain).flatMap(s -> live.saveSettings(new LiveSettings(domain,
                enabled == null ? s.enabled() : enabled, parsed == null ? s.hours() : parsed,
                claimTimeoutMinutes == null ? s.claimTimeoutMinutes() : claimTimeoutMinutes)))
                .chain(() -> settingsView(domain));
    }

    // --- the shopper's side

    /**
     * The conversation when it is this session's in this store; 404 {@code conversation_not_found} otherwise (as
     * {@code GET /api/chat/{id}} answers).
     */
    public Uni<String> shopperConversation(String domain, String sessionId, String conversationId) {
        if (conversationId == null || conversationId.isBlank() || conversationId.length() > 64) {
            return Uni.createFrom().failure(ApiException.notFound("conversation_not_found", "Conversation not found"));
        }
        return live.ownerOf(conversationId).map(owner -> {
            if (owner == null || !owner[0].equals(domain) || !owner[1].equals(sessionId)) {
                throw ApiException.notFound("conversation_not_found", "Conversation not found");
            }
            return conversationId;
        });
    }

    /** The conversation's handoff a person is asked to join or holds, or null. */
    public Uni<LiveHandoff> activeOf(String conversationId) {
        return live.activeOf(conversationId);
    }

    public Uni<LiveHandoff> latestOf(String conversationId) {
        return live.latestOf(conversationId);
    }

    /** The shopper's message while a person holds the conversation: stored as typed, sent to the person. */
    public Uni<LiveMessage> shopperMessage(LiveHandoff h, String text) {
        return live.addMessage(h.id(), h.conversationId(), "shopper", text, null, null)
                .call(m -> bus.publish(LiveEvent.of(m)));
    }

    /** Where the conversation stands for the widget: {@code {"state","operator"}} (operator only while claimed). */
    public static Map<String, Object> shopperState(LiveHandoff h) {
        Map<String, Object> m = new LinkedHashMap<>();
        // the email path's own states (open, answered) are no live state for the widget
        m.put("state", h == null || !SHOPPER_STATES.contains(h.state()) ? "none" : h.state());
        if (h != null && "claimed".equals(h.state()) && h.claimedByName() != null) {
            m.put("operator", firstWord(h.claimedByName()));
        }
        return m;
    }

    static String firstWord(String name) {
        String n = name.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    /** A live message as the widget shows it; null for the shopper's own (the widget has them). */
    public static Map<String, Object> shopperMessageView(LiveMessage m) {
        if ("shopper".equals(m.role())) {
            return null;
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("role", m.role());
        v.put("text", m.text());
        v.put("at", m.at().toString());
        if (m.operatorName() != null) {
            v.put("operator", firstWord(m.operatorName()));
        }
        return v;
    }

    /** The polling answer of {@code GET /api/chat/live/messages}. */
    public Uni<Map<String, Object>> shopperPoll(String conversationId, long after) {
        return live.latestOf(conversationId).flatMap(h -> live.messagesOf(conversationId, after).map(messages -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("success", true);
            out.putAll(shopperState(h));
            out.put("messages", messages.stream().map(LiveService::shopperMessageView).filter(v -> v != null).toList());
            return out;
        }));
    }

    /** Operator replies of a conversation, for {@code GET /api/chat/{id}}. */
    public Uni<List<LiveMessage>> operatorMessagesOf(String conversationId) {
        return live.messagesOf(conversationId, 0)
                .map(list -> list.stream().filter(m -> "operator".equals(m.role())).toList());
    }

    public Uni<List<LiveMessage>> messagesAfter(String conversationId, long after) {
        return live.messagesOf(conversationId, after);
    }

    // --- operators

    /** The handoff when it exists in one of the operator's stores; 404 otherwise (another store's too). */
    public Uni<LiveHandoff> visible(Operator operator, String id) {
        if (id == null || id.length() > 64) {
            return Uni.createFrom().failure(notFound());
        }
        return live.find(id).map(h -> {
            if (h == null || !operator.serves(h.domain())) {
                throw notFound();
            }
            return h;
        });
    }

    private static ApiException notFound() {
        return ApiException.notFound("handoff_not_found", "No such handoff");
    }

    public Uni<List<LiveHandoff>> inbox(Operator operator, String state, String domain) {
        List<String> states = null;
        if (state != null && !state.isBlank()) {
            if (!STATES.contains(state)) {
                throw ApiException.badRequest("state must be one of waiting, claimed, open, resolved, timed_out, unstaffed");
            }
            states = "open".equals(state) ? List.of("waiting", "claimed") : List.of(state);
        }
        List<String> domains = domain == null || domain.isBlank()
                ? operator.domains()
                : operator.domains().stream().filter(d -> d.equals(domain)).toList();
        return live.list(domains, states, 200);
    }

    /** The handoff with the shopper's verification and the transcript (docs/live-handoff.md). */
    public Uni<Map<String, Object>> detail(Operator operator, String id) {
        return visible(operator, id).flatMap(h -> live.proofOf(h.conversationId()).flatMap(proof -> orders(h, proof)
                .flatMap(orders -> transcript(h).map(transcript -> {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("success", true);
                    out.put("handoff", view(h));
                    out.put("verification", Map.of("level", proof.level(), "orders", orders));
                    out.put("transcript", transcript);
                    return out;
                }))));
    }

    /** The orders the shopper's grant covers: all of a proven email's (a code, the signed identity), or the one matched. */
    private Uni<List<Long>> orders(LiveHandoff h, LiveRepository.Proof proof) {
        if (proof.fullEmail() != null) {
            return gateway.orders(h.domain(), proof.fullEmail(), 20).map(list -> list.stream().map(OrderSummary::id).toList())
                    .onFailure().recoverWithItem(e -> {
                        Log.debugf("Handoff %s: orders unavailable (%s)", h.id(), e.getClass().getSimpleName());
                        return proof.matchedOrder() == null ? List.of() : List.of(proof.matchedOrder());
                    });
        }
        return Uni.createFrom().item(proof.matchedOrder() == null ? List.of() : List.of(proof.matchedOrder()));
    }

    /**
     * The conversation as the operator reads it: its messages as stored (redacted), except that what the shopper typed
     * while a person held it comes as typed (from the live messages), with the operators' replies in between.
     */
    private Uni<List<Map<String, Object>>> transcript(LiveHandoff h) {
        if (h.conversationId() == null) {
            return Uni.createFrom().item(List.of());
        }
        return conversations.messages(h.conversationId()).flatMap(stored -> live.messagesOf(h.conversationId(), 0)
                .flatMap(liveMessages -> live.list(List.of(h.domain()), null, 500).map(all -> {
                    List<LiveHandoff> ofConversation = all.stream()
                            .filter(x -> h.conversationId().equals(x.conversationId()) && x.claimedAt() != null).toList();
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (MessageEntity m : stored) {
                        if ("user".equals(m.role) && heldAt(ofConversation, m.createdAt)) {
                            continue; // its typed copy is in the live messages
                        }
                        out.add(entry("m" + m.id, "user".equals(m.role) ? "shopper" : m.role, m.text, m.createdAt, null));
                    }
                    for (LiveMessage m : liveMessages) {
                        if (!"assistant".equals(m.role())) { // the assistant's notices are stored with its messages
                            out.add(entry(m.id(), m.role(), m.text(), m.at(),
                                    m.operatorName() == null ? null : firstWord(m.operatorName())));
                        }
                    }
                    out.sort(Comparator.comparing(e -> (String) e.get("at")));
                    return out;
                })));
    }

    private boolean heldAt(List<LiveHandoff> handoffs, java.time.Instant at) {
        for (LiveHandoff x : handoffs) {
            if (!at.isBefore(x.claimedAt()) && (x.resolvedAt() == null || at.isBefore(x.resolvedAt()))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> entry(Object id, String role, String text, java.time.Instant at, String operator) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", id);
        e.put("role", role);
        e.put("text", text);
        e.put("at", at.toString());
        if (operator != null) {
            e.put("operator", operator);
        }
        return e;
    }

    /** A handoff as the operator routes show it. */
    public static Map<String, Object> view(LiveHandoff h) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", h.id());
        v.put("domain", h.domain());
        v.put("conversationId", h.conversationId());
        v.put("state", h.state());
        v.put("createdAt", str(h.createdAt()));
        v.put("claimedBy", h.claimedBy() == null && h.claimedByName() == null
                ? null
                : mapOf("id", h.claimedBy(), "displayName", h.claimedByName()));
        v.put("claimedAt", str(h.claimedAt()));
        v.put("resolvedAt", str(h.resolvedAt()));
        v.put("reason", h.reason());
        v.put("verification", h.verification() == null ? "none" : h.verification());
        v.put("lastMessageAt", str(h.lastMessageAt()));
        v.put("preview", h.preview());
        return v;
    }

    private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A live message as the operator routes show it (the shopper's as typed). */
    public static Map<String, Object> operatorMessageView(LiveMessage m) {
        return entry(m.id(), m.role(), m.text(), m.at(), m.operatorName() == null ? null : firstWord(m.operatorName()));
    }

    public Uni<LiveHandoff> claim(Operator operator, String id) {
        return visible(operator, id).flatMap(h -> live.claim(h.id(), operator).flatMap(won -> {
            if (!won) {
                if ("claimed".equals(h.state()) && operator.id().equals(h.claimedBy())) {
                    return Uni.createFrom().item(h); // claiming again what one holds changes nothing
                }
                return Uni.createFrom().failure(refusal(h));
            }
            return live.recordAction(h, operator, "claim").chain(() -> changed(h.id()));
        }));
    }

    private static ApiException refusal(LiveHandoff h) {
        return switch (h.state()) {
            case "claimed" -> ApiException.conflict("already_claimed",
                    (h.claimedByName() == null ? "Someone" : h.claimedByName()) + " has this conversation already");
            case "resolved" -> ApiException.conflict("resolved", "This conversation is resolved");
            default -> ApiException.conflict("not_live", "This handoff went to the support email, not to live chat");
        };
    }

    public Uni<LiveMessage> reply(Operator operator, String id, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            throw ApiException.badRequest("text must be 1-2000 characters");
        }
        return visible(operator, id).flatMap(h -> {
            if ("resolved".equals(h.state())) {
                return Uni.createFrom().failure(ApiException.conflict("resolved", "This conversation is resolved"));
            }
            if (!"claimed".equals(h.state()) || !operator.id().equals(h.claimedBy())) {
                return Uni.createFrom().failure(ApiException.conflict("not_claimed_by_you",
                        "Claim this conversation before you reply"));
            }
            return live.addMessage(h.id(), h.conversationId(), "operator", t, operator.id(), operator.displayName())
                    .call(m -> live.recordAction(h, operator, "reply"))
                    .call(m -> bus.publish(LiveEvent.of(m)));
        });
    }

    /** Resolves the conversation: the assistant says it is back (in the shopper's language) and answers again. */
    public Uni<LiveHandoff> resolve(Operator operator, String id) {
        return visible(operator, id).flatMap(h -> live.resolve(h.id(), operator.id()).flatMap(done -> {
            if (!done) {
                return Uni.createFrom().failure("resolved".equals(h.state())
                        ? ApiException.conflict("resolved", "This conversation is resolved")
                        : ApiException.conflict("not_claimed_by_you", "Only the operator holding it resolves it"));
            }
            return live.recordAction(h, operator, "resolve")
                    .chain(() -> notice(h, "live.back", Map.of()))
                    .chain(() -> changed(h.id()));
        }));
    }

    /** The assistant's notice to the shopper: in the conversation's messages (history, its next turns) and live. */
    private Uni<Void> notice(LiveHandoff h, String key, Map<String, ?> values) {
        if (h.conversationId() == null) {
            return Uni.createFrom().voidItem();
        }
        return live.languageOf(h.conversationId()).flatMap(lang -> {
            Language language = Language.ofLocale(lang, Language.EN);
            Map<String, Object> v = new LinkedHashMap<>(values);
            v.putIfAbsent("within", ReplyCatalog.text(language, "handoff.within"));
            String text = ReplyCatalog.text(language, key, v);
            // stored as the assistant's reply with a state of its own: nothing live, the shopper's language kept
            return conversations.finish(h.conversationId(), text, 0,
                    new Dialogue(Awaiting.NOTHING, null, null, List.of(), language.code(), 0))
                    .chain(() -> live.addMessage(h.id(), h.conversationId(), "assistant", text, null, null))
                    .call(m -> bus.publish(LiveEvent.of(m))).replaceWithVoid();
        });
    }

    /** Reads the handoff again and publishes its new state. */
    private Uni<LiveHandoff> changed(String id) {
        return live.find(id).call(h -> bus.publish(LiveEvent.of(h)));
    }

    /** Publishes a handoff's state (a new waiting handoff). */
    public Uni<Void> announce(String handoffId) {
        return changed(handoffId).replaceWithVoid();
    }

    /**
     * Waiting handoffs nobody claimed within their store's {@code claimTimeoutMinutes} at {@code now}: timed_out, and the
     * shopper is told and offered the email path. Each is moved once, whichever replica runs this.
     */
    public Uni<Integer> timeOut(java.time.Instant now, String within) {
        return live.timeOut(now).flatMap(list -> {
            Uni<Void> all = Uni.createFrom().voidItem();
            for (LiveHandoff h : list) {
                all = all.chain(() -> notice(h, "live.timed_out", within == null ? Map.of() : Map.of("within", within))
                        .chain(() -> changed(h.id())).replaceWithVoid()
                        .onFailure().recoverWithUni(e -> {
                            Log.warnf("Handoff %s: the timeout notice failed (%s)", h.id(), e.getClass().getSimpleName());
                            return Uni.createFrom().voidItem();
                        }));
            }
            return all.replaceWith(list.size());
        });
    }

    // --- privacy

    public Uni<Map<String, Object>> export(List<String> conversationIds) {
        return live.messagesOf(conversationIds).flatMap(messages -> live.actionsOf(conversationIds).map(actions -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("liveMessages", messages.stream().map(m -> {
                Map<String, Object> row = operatorMessageView(m);
                row.put("conversationId", m.conversationId());
                row.put("handoffId", m.handoffId());
                return row;
            }).toList());
            out.put("operatorActions", actions.stream().map(a -> a.getMap()).toList());
            return out;
        }));
    }

    public Uni<Long> delete(List<String> conversationIds) {
        return live.deleteFor(conversationIds);
    }
}
