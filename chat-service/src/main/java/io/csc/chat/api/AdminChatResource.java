package io.csc.chat.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.chat.handoff.HandoffEntity;
import io.csc.chat.handoff.HandoffService;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/** Operators' view of chat (admin bearer token): handoffs per store, and marking one answered. */
@Path("/api/admin/chat")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminChatResource {
    /** Handoffs nobody has finished: the email path's open ones and the live ones not resolved. */
    static final java.util.Set<String> UNFINISHED = java.util.Set.of("open", "waiting", "claimed", "unstaffed",
            "timed_out");
    private final HandoffService handoffs;

    public AdminChatResource(HandoffService handoffs) {
        this.handoffs = handoffs;
    }

    public record HandoffView(String id, String conversationId, String domain, String reason, String replyTo, String state,
            String createdAt, String answeredAt) {
        static HandoffView of(HandoffEntity h) {
            return new HandoffView(h.id, h.conversationId, h.domain, h.reason, h.replyTo, h.state, h.createdAt.toString(),
                    h.answeredAt == null ? null : h.answeredAt.toString());
        }
    }

    @GET
    @Path("/handoffs")
    public Uni<Map<String, Object>> list(@RestQuery String domain, @RestQuery Integer limit) {
        String d = PublicEdge.domain(domain);
        int n = limit == null ? 100 : limit;
        if (n < 1 || n > 500) {
            throw ApiException.badRequest("limit must be between 1 and 500");
        }
        return handoffs.list(d, n).map(list -> {
            List<HandoffView> views = list.stream().map(HandoffView::of).toList();
            return Map.of("success", true, "domain", d, "handoffs", views, "open",
                    views.stream().filter(v -> UNFINISHED.contains(v.state())).count());
        });
    }

    @POST
    @Path("/handoffs/{id}/answered")
    public Uni<Map<String, Object>> answered(@RestPath String id, @RestQuery String domain) {
        String d = PublicEdge.domain(domain);
        return handoffs.markAnswered(d, id).map(ok -> {
            if (!ok) {
                throw ApiException.notFound("handoff_not_found", "No such handoff in this store");
            }
            return Map.of("success", true, "id", id, "state", "answered");
        });
    }
}
