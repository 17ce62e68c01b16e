package io.csc.chat.client;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.csc.model.verification.Consent;
import io.csc.model.verification.ConsentRequest;
import io.csc.model.verification.OtpSendRequest;
import io.csc.model.verification.OtpSendResponse;
import io.csc.model.verification.OtpVerifyRequest;
import io.csc.model.verification.OtpVerifyResponse;
import io.csc.model.verification.SimpleVerificationRequest;
import io.csc.model.verification.SimpleVerificationResponse;
import io.csc.model.verification.VerificationGrant;
import io.csc.web.client.PrivacyRoutes;
import io.csc.web.client.ServiceErrors;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** verification-service's internal routes (docs/internal-api.md). Wrapped by {@link VerificationClient}. */
@Path("/internal")
@RegisterRestClient(configKey = "verification-service")
@ClientHeaderParam(name = "X-Internal-Token", value = "${csc.auth.internal-token}")
interface VerificationRestClient extends PrivacyRoutes {

    @POST
    @Path("/verification/simple")
    Uni<SimpleVerificationResponse> simple(SimpleVerificationRequest request);

    @POST
    @Path("/verification/otp/send")
    Uni<OtpSendResponse> sendCode(OtpSendRequest request);

    @POST
    @Path("/verification/otp/verify")
    Uni<OtpVerifyResponse> verifyCode(OtpVerifyRequest request);

    @GET
    @Path("/verification/{conversationId}")
    Uni<VerificationGrant> grant(@RestPath String conversationId, @RestQuery String domain);

    @POST
    @Path("/verification/{conversationId}/consent")
    Uni<Consent> consent(@RestPath String conversationId, ConsentRequest request);

    @DELETE
    @Path("/verification/{conversationId}")
    Uni<Void> end(@RestPath String conversationId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return ServiceErrors.toException("verification-service", response);
    }
}
