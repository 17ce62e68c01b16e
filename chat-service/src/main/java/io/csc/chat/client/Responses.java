package io.csc.chat.client;

import jakarta.ws.rs.core.Response;

import io.csc.model.ErrorResponse;

/** One mapping of an error answer of our own services to {@link ServiceRefusal} (4xx) or {@link ServiceFailure}. */
final class Responses {
    private Responses() {
    }

    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        String code = null;
        try {
            ErrorResponse error = response.readEntity(ErrorResponse.class);
            code = error == null ? null : error.code();
        } catch (RuntimeException e) {
            // not our error shape: the status alone decides
        }
        if (status >= 400 && status < 500) {
            return new ServiceRefusal(status, code);
        }
        return new ServiceFailure(status, code);
    }
}
