package io.csc.cart.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.csc.cart.privacy.PrivacyService;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.smallrye.mutiny.Uni;

/** Per-service privacy routes (DESIGN.md "Privacy, per service"); chat-service fans out to them. */
@Path("/internal/privacy")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PrivacyResource {
    private final PrivacyService privacy;

    PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @POST
    @Path("/export")
    public Uni<PrivacyExport> export(@NotNull @Valid PrivacyRequest request) {
        return privacy.export(request);
    }

    @POST
    @Path("/delete")
    public Uni<PrivacyDeletion> delete(@NotNull @Valid PrivacyRequest request) {
        return privacy.delete(request);
    }
}
