package io.csc.chat.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.csc.chat.live.LiveService;
import io.csc.chat.live.OperatorService;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The operators' routes (docs/live-handoff.md): sign-in, then with {@code Authorization: Bearer <session token>} the
 * handoffs of their stores (any other store's answers 404), claim, reply, resolve, and the messages for polling. The
 * event stream is {@link LiveStreamRoute}'s.
 */
@Path("/api/operator")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorResource {
    private final OperatorService operators;
    private final LiveService live;
    private final PublicEdge edge;

    public OperatorResource(OperatorService operators, LiveService live, PublicEdge edge) {
        this.operators = operators;
        this.live = live;
        this.edge = edge;
    }

    public record SignIn(String login, String password) {
    }

    public record Reply(String text) {
    }

    @POST
    @Path("/session")
    public Uni<Map<String, Object>> signIn(SignIn body, HttpServerRequest request, HttpServerResponse response) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return operators.signIn(body.login(), body.password(), edge.clientIp(request), response).map(s -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("success", true);
            out.put("token", s.token());
            out.put("expiresAt", s.expiresAt().toString());
            out.put("operator", OperatorService.self(s.operator()));
            return out;
        });
    }

    @DELETE
    @Path("/session")
    public Uni<Map<String, Object>> signOut(@HeaderParam("Authorization") String authorization) {
        return operators.signOut(authorization).replaceWith(Map.of("success", true));
    }

    @GET
    @Path("/handoffs")
    public Uni<Map<String, Object>> handoffs(@HeaderParam("Authorization") String authorization, @RestQuery String state,
            @RestQuery String domain) {
        return operators.authenticate(authorization).flatMap(o -> live.inbox(o, state, domain))
                .map(list -> Map.of("success", true, "handoffs", list.stream().map(LiveService::view).toList()));
    }

    @GET
    @Path("/handoffs/{id}")
    public Uni<Map<String, Object>> handoff(@HeaderParam("Authorization") String authorization, @RestPath String id) {
        return operators.authenticate(authorization).flatMap(o -> live.detail(o, id));
    }

    @POST
    @Path("/handoffs/{id}/claim")
    public Uni<Map<String, Object>> claim(@HeaderParam("Authorization") String authorization, @RestPath String id) {
        return operators.authenticate(authorization).flatMap(o -> live.claim(o, id))
                .map(h -> Map.of("success", true, "handoff", LiveService.view(h)));
    }

    @POST
    @Path("/handoffs/{id}/messages")
    public Uni<RestResponse<Map<String, Object>>> reply(@HeaderParam("Authorization") String authorization,
            @RestPath String id, Reply body) {
        return operators.authenticate(authorization).flatMap(o -> live.reply(o, id, body == null ? null : body.text()))
                .map(m -> RestResponse.status(RestResponse.Status.CREATED,
                        Map.of("success", true, "message", LiveService.operatorMessageView(m))));
    }

    @POST
    @Path("/handoffs/{id}/resolve")
    public Uni<Map<String, Object>> resolve(@HeaderParam("Authorization") String authorization, @RestPath String id) {
        return operators.authenticate(authorization).flatMap(o -> live.resolve(o, id))
                .map(h -> Map.of("success", true, "handoff", LiveService.view(h)));
    }

    @GET
    @Path("/handoffs/{id}/messages")
    public Uni<Map<String, Object>> messages(@HeaderParam("Authorization") String authorization, @RestPath String id,
            @RestQuery Long after) {
        return operators.authenticate(authorization).flatMap(o -> live.visible(o, id))
                .flatMap(h -> live.messagesAfter(h.conversationId(), after == null || after < 0 ? 0 : after)
                        .map(list -> Map.of("success", true, "handoff", LiveService.view(h), "messages",
                                list.stream().map(LiveService::operatorMessageView).toList())));
    }
}
