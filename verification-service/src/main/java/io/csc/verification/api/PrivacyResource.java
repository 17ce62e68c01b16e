package io.csc.verification.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.verification.privacy.PrivacyService;
import io.smallrye.mutiny.Uni;

/** The per-service privacy routes that chat-service's public export and delete fan out to. */
@Path("/internal/privacy")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PrivacyResource {
    private final PrivacyService privacy;

    public PrivacyResource(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @POST
    @Path("/export")
    public Uni<PrivacyExport> export(@Valid @NotNull PrivacyRequest request) {
        return privacy.export(request);
    }

    @POST
    @Path("/delete")
    public Uni<PrivacyDeletion> delete(@Valid @NotNull PrivacyRequest request) {
        return privacy.delete(request);
    }
}
