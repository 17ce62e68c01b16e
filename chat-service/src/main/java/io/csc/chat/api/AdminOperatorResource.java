package io.csc.chat.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.csc.chat.live.LiveService;
import io.csc.chat.live.OperatorService;
import io.csc.web.AdminOnly;
import io.csc.web.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The admin's side of live handoff (docs/live-handoff.md, admin bearer token): operators per store, and each store's
 * live-chat settings (enabled, business hours in the store's time zone, claim timeout).
 */
@Path("/api/admin/chat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@AdminOnly
public class AdminOperatorResource {
    private final OperatorService operators;
    private final LiveService live;

    public AdminOperatorResource(OperatorService operators, LiveService live) {
        this.operators = operators;
        this.live = live;
    }

    public record OperatorRequest(String login, String displayName, String password, List<String> domains,
            Boolean disabled) {
    }

    public record SettingsRequest(Boolean enabled, Object hours, Integer claimTimeoutMinutes) {
    }

    @POST
    @Path("/operators")
    public Uni<RestResponse<Map<String, Object>>> create(OperatorRequest body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return operators.create(body.login(), body.displayName(), body.password(), body.domains())
                .map(o -> RestResponse.status(RestResponse.Status.CREATED,
                        Map.of("success", true, "operator", OperatorService.view(o))));
    }

    @GET
    @Path("/operators")
    public Uni<Map<String, Object>> list(@RestQuery String domain) {
        return operators.list(domain).map(list -> Map.of("success", true, "operators",
                list.stream().map(OperatorService::view).toList()));
    }

    @PUT
    @Path("/operators/{id}")
    public Uni<Map<String, Object>> update(@RestPath String id, OperatorRequest body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return operators.update(id, body.displayName(), body.password(), body.domains(), body.disabled())
                .map(o -> Map.of("success", true, "operator", OperatorService.view(o)));
    }

    @DELETE
    @Path("/operators/{id}")
    public Uni<Map<String, Object>> delete(@RestPath String id) {
        return operators.delete(id).replaceWith(Map.of("success", true, "id", id));
    }

    @GET
    @Path("/live/{domain}")
    public Uni<Map<String, Object>> settings(@RestPath String domain) {
        return live.settingsView(PublicEdge.domain(domain));
    }

    @PUT
    @Path("/live/{domain}")
    public Uni<Map<String, Object>> saveSettings(@RestPath String domain, SettingsRequest body) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        return live.saveSettings(PublicEdge.domain(domain), body.enabled(), body.hours(), body.claimTimeoutMinutes());
    }
}
