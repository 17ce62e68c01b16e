package io.csc.web.client;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.smallrye.mutiny.Uni;

/**
 * The two routes every service that keeps personal data answers (docs/internal-api.md), below its {@code /internal}:
 * chat-service fans a shopper's export or deletion out to each. A REST client of such a service extends this.
 */
public interface PrivacyRoutes {

    @POST
    @Path("/privacy/export")
    Uni<PrivacyExport> privacyExport(PrivacyRequest request);

    @POST
    @Path("/privacy/delete")
    Uni<PrivacyDeletion> privacyDelete(PrivacyRequest request);
}
