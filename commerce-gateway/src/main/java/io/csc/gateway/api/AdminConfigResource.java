package io.csc.gateway.api;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.csc.gateway.tenant.TenantConfigRequest;
import io.csc.gateway.tenant.TenantService;
import io.csc.gateway.tenant.TenantView;
import io.csc.web.AdminOnly;
import io.smallrye.mutiny.Uni;

/** Operators register stores here. Keys go in, never come out: reads show them masked. */
@Path("/api/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminConfigResource {
    private final TenantService tenants;

    public AdminConfigResource(TenantService tenants) {
        this.tenants = tenants;
    }

    /** Creates (201, with the generated plugin secret shown once) or updates (200) a store. */
    @POST
    @Path("/config")
    public Uni<RestResponse<TenantView>> save(@Valid @NotNull TenantConfigRequest request) {
        return tenants.save(request)
                .map(saved -> saved.created()
                        ? RestResponse.status(RestResponse.Status.CREATED, saved.view())
                        : RestResponse.ok(saved.view()));
    }

    @GET
    @Path("/config")
    public Uni<Map<String, Object>> list() {
        return tenants.list().map(all -> Map.of("success", true, "tenants", (List<TenantView>) all));
    }

    @GET
    @Path("/config/{domain}")
    public Uni<TenantView> get(@PathParam("domain") String domain) {
        return tenants.view(domain);
    }

    @DELETE
    @Path("/config/{domain}")
    public Uni<RestResponse<Void>> delete(@PathParam("domain") String domain) {
        return tenants.delete(domain).map(v -> RestResponse.noContent());
    }

    /** Seals every stored secret with the current ENCRYPTION_KEY (after moving the old one to ENCRYPTION_KEYS_PREVIOUS). */
    @POST
    @Path("/keys/rotate")
    public Uni<Map<String, Object>> rotate() {
        return tenants.rotateKeys().map(changed -> Map.of("success", true, "tenantsResealed", changed));
    }
}
