package io.csc.verification.api;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.csc.verification.limit.TooManyAttemptsException;
import io.csc.web.ApiExceptionMapper;

/**
 * 429 in the common JSON error shape, plus {@code Retry-After}; a coordinating call past its deadline or refused by an
 * open breaker is 503. Every other error goes through common-web's mapper.
 */
public class VerificationExceptionMapper {

    @ServerExceptionMapper
    public Response unavailable(FaultToleranceException e) {
        return Response.fromResponse(ApiExceptionMapper.json(503, "gateway_unavailable",
                "Store data is unavailable right now, try again shortly")).header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttemptsException e) {
        return Response.fromResponse(ApiExceptionMapper.json(e.status(), e.code(), e.getMessage()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
