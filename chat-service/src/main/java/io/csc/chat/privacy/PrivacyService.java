package io.csc.chat.privacy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.client.CartClient;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.conversation.ConversationEntity;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.conversation.Durable;
import io.csc.chat.handoff.HandoffEntity;
import io.csc.chat.handoff.HandoffRepository;
import io.csc.chat.live.LiveService;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Export and deletion of everything the system keeps about one email in one store: every service's
 * {@code /internal/privacy/*} and chat's own conversations and handoffs. All or nothing in what is reported: any
 * service failing makes the whole request fail with 503, and a deletion first checks that every service answers
 * (an export round) before anything is deleted, so a service that is down does not leave a half-done deletion.
 */
@ApplicationScoped
public class PrivacyService {
    static final String SERVICE = "chat-service";

    private final GatewayClient gateway;
    private final VerificationClient verification;
    private final CartClient carts;
    private final ConversationRepository conversations;
    private final HandoffRepository handoffs;
    private final LiveService live;
    private final Durable durable;

    public PrivacyService(GatewayClient gateway, VerificationClient verification, CartClient carts,
            ConversationRepository conversations, HandoffRepository handoffs, LiveService live, Durable durable) {
        this.durable = durable;
        this.live = live;
        this.gateway = gateway;
        this.verification = verification;
        this.carts = carts;
        this.conversations = conversations;
        this.handoffs = handoffs;
    }

    public Uni<List<PrivacyExport>> export(PrivacyRequest request) {
        return remoteExports(request).flatMap(remote -> ownExport(request, provenByGrants(remote)).map(own -> {
            List<PrivacyExport> all = new ArrayList<>(remote);
            all.add(own);
            return all;
        }));
    }

    public Uni<List<PrivacyDeletion>> delete(PrivacyRequest request) {
        return remoteExports(request).flatMap(remote -> {
            Set<String> ids = provenByGrants(remote);
            return Uni.combine().all().unis(
                    guard("commerce-gateway", gateway.privacyDelete(request)),
                    guard("verification-service", verification.privacyDelete(request)),
                    guard("cart-service", carts.privacyDelete(request))).with(PrivacyDeletion.class, list -> list)
                    .flatMap(deleted -> ownDelete(request, ids).map(own -> {
                        List<PrivacyDeletion> all = new ArrayList<>(deleted);
                        all.add(own);
                        return all;
                    }));
        });
    }

    private Uni<List<PrivacyExport>> remoteExports(PrivacyRequest request) {
        return Uni.combine().all().unis(
                guard("commerce-gateway", gateway.privacyExport(request)),
                guard("verification-service", verification.privacyExport(request)),
                guard("cart-service", carts.privacyExport(request))).with(PrivacyExport.class, list -> list);
    }

    /**
     * Conversations whose live grant in verification-service proves this email (level full: a code, or a simple match
     * that read an order). Pending codes and partial matches name conversations too, but only show that someone typed
     * the address: they prove nothing, so they never make a conversation this email's.
     */
    static Set<String> provenByGrants(List<PrivacyExport> remote) {
        Set<String> ids = new HashSet<>();
        for (PrivacyExport e : remote) {
            if (e == null || e.data() == null || !"verification-service".equals(e.service())) {
                continue;
            }
            List<Map<String, Object>> grants = e.data().get("grants");
            if (grants != null) {
                grants.forEach(g -> {
                    if (g.get("conversationId") instanceof String id
                            && "full".equalsIgnoreCase(String.valueOf(g.get("level")))) {
                        ids.add(id);
                    }
                });
            }
        }
        return ids;
    }

    /** The conversations of this store in which the email was proven (kept here, or by a live grant). */
    private Uni<List<ConversationEntity>> ownConversations(PrivacyRequest request, Set<String> fromGrants) {
        return conversations.provenFor(request.domain(), request.email()).flatMap(proven -> {
            Set<String> ids = new LinkedHashSet<>(proven);
            ids.addAll(fromGrants);
            return conversations.byIds(request.domain(), ids);
        });
    }

    private Uni<PrivacyExport> ownExport(PrivacyRequest request, Set<String> fromGrants) {
        return ownConversations(request, fromGrants).flatMap(convs -> {
            List<String> ids = convs.stream().map(c -> c.id).toList();
            Uni<List<Map<String, Object>>> rows = Uni.createFrom().item(new ArrayList<>());
            for (ConversationEntity c : convs) {
                rows = rows.flatMap(list -> conversations.messages(c.id).map(messages -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("conversationId", c.id);
                    row.put("createdAt", c.createdAt.toString());
                    row.put("updatedAt", c.updatedAt.toString());
                    row.put("messages",
                            messages.stream().map(m -> Map.of("role", m.role, "text", m.text, "at", m.createdAt.toString()))
                                    .toList());
                    list.add(row);
                    return list;
                }));
            }
            return rows.flatMap(conversationRows -> handoffs.forEmailOrConversations(request.domain(), request.email(), ids)
                    .flatMap(hs -> live.export(ids).map(liveData -> {
                        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
                        data.put("conversations", conversationRows);
                        data.put("handoffs", hs.stream().map(PrivacyService::handoffRow).toList());
                        // what the shopper typed to a person, the person's replies, and who did what (live handoff)
                        data.put("liveMessages", cast(liveData.get("liveMessages")));
                        data.put("operatorActions", cast(liveData.get("operatorActions")));
                        return new PrivacyExport(SERVICE, data);
                    })));
        });
    }

    private Uni<PrivacyDeletion> ownDelete(PrivacyRequest request, Set<String> fromGrants) {
        return ownConversations(request, fromGrants).flatMap(convs -> {
            List<String> ids = convs.stream().map(c -> c.id).toList();
            return live.delete(ids).flatMap(l -> handoffs.deleteForEmailOrConversations(request.domain(), request.email(), ids)
                    // the shopper is told it is deleted: durable before that (chat-service commits asynchronously)
                    .flatMap(h -> conversations.delete(ids).call(durable::flush).map(n -> {
                        Map<String, Long> deleted = new LinkedHashMap<>();
                        deleted.put("conversations", n);
                        deleted.put("handoffs", h);
                        deleted.put("liveRecords", l);
                        return new PrivacyDeletion(SERVICE, deleted);
                    })));
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cast(Object list) {
        return (List<Map<String, Object>>) list;
    }

    private static Map<String, Object> handoffRow(HandoffEntity h) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", h.id);
        row.put("conversationId", h.conversationId);
        row.put("state", h.state);
        row.put("reason", h.reason);
        row.put("replyTo", h.replyTo);
        row.put("createdAt", h.createdAt.toString());
        return row;
    }

    private static <T> Uni<T> guard(String service, Uni<T> call) {
        return call.onFailure().transform(e -> {
            Log.warnf("Privacy request: %s failed (%s)", service, e.getClass().getSimpleName());
            return ApiException.unavailable("privacy_incomplete",
                    service + " is unavailable: nothing was reported as done, please retry later");
        });
    }
}
