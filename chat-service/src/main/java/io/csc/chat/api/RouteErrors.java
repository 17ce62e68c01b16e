package io.csc.chat.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.model.ErrorResponse;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerResponse;

/**
 * The JSON error of a plain Vert.x route (the SSE routes, which cannot be REST resources): an {@link ApiException}'s
 * status and code, anything else a 500 without internals. Nothing once the response has ended or the client left.
 */
final class RouteErrors {
    private RouteErrors() {
    }

    static void write(HttpServerResponse response, Throwable failure, ObjectMapper json) {
        if (response.ended() || response.closed()) {
            return;
        }
        int status;
        ErrorResponse body;
        if (failure instanceof ApiException e) {
            status = e.status();
            body = ErrorResponse.of(e.code(), e.getMessage());
        } else {
            Log.errorf("Unexpected failure: %s", failure.getClass().getName());
            status = 500;
            body = ErrorResponse.of("internal_error", "Internal server error");
        }
        try {
            response.setStatusCode(status).putHeader("Content-Type", "application/json").end(json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
