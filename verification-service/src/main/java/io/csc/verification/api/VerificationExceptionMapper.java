package io.csc.verification.api;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.csc.verification.limit.TooManyAttemptsException;
import io.csc.web.ApiExceptionMapper;

/** 429 in the common JSON error shape, plus {@code Retry-After}. Every other error goes through common-web's mapper. */
public class VerificationExceptionMapper {

    @ServerExceptionMapper
    public Response tooManyAttempts(TooManyAttemptsException e) {
        return Response.fromResponse(ApiExceptionMapper.json(e.status(), e.code(), e.getMessage()))
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .build();
    }
}
