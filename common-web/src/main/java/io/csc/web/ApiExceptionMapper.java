package io.csc.web;

import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JacksonException;

import io.csc.model.ErrorResponse;
import io.quarkus.logging.Log;

/**
 * One place that turns every failure into {@code {"success": false, "error", "code"}} with the right status. Never a
 * stack trace, never the exception's own text for unexpected failures (it may hold a secret or an email).
 */
public class ApiExceptionMapper {

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return json(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        String fields = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return json(400, "invalid_request", "Invalid request: " + fields);
    }

    @ServerExceptionMapper
    public Response malformedJson(JacksonException e) {
        if (e instanceof StrictJson.ControlCharacterException) {
            return json(400, "invalid_characters", "The request body contains a control character");
        }
        return json(400, "invalid_json", "The request body is not valid JSON for this route");
    }

    /** Well-formed JSON of the wrong shape (an array for an object, text for a number): as specific as Quarkus' own. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response unparsableJson(com.fasterxml.jackson.core.JsonParseException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JacksonException) {
            return malformedJson((JacksonException) e.getCause());
        }
        return switch (status) {
            case 400 -> json(400, "invalid_request", "Invalid request");
            case 401 -> json(401, "unauthorized", "Authentication required");
            case 403 -> json(403, "forbidden", "Access denied");
            case 404 -> json(404, "not_found", "Resource not found");
            case 405 -> json(405, "method_not_allowed", "Method not allowed");
            case 406 -> json(406, "not_acceptable", "Not acceptable");
            case 413 -> json(413, "payload_too_large", "Request body too large");
            case 415 -> json(415, "unsupported_media_type", "Send application/json");
            default -> json(status, "error", "Request failed");
        };
    }

    /** A connection pool (Redis, HTTP, database) is saturated: a moment of overload, not a bug. */
    @ServerExceptionMapper
    public Response overloaded(io.vertx.core.http.ConnectionPoolTooBusyException e) {
        Log.warn("Connection pool saturated; answering 503");
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "1")
                .entity(ErrorResponse.of("overloaded", "Temporarily overloaded, retry shortly")).build();
    }

    /** A backing service (Redis, PostgreSQL, a peer) refused the connection: unavailable, not a bug. */
    @ServerExceptionMapper
    public Response unreachable(java.net.ConnectException e) {
        Log.warn("A backing service is unreachable; answering 503");
        return Response.status(503).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "5")
                .entity(ErrorResponse.of("service_unavailable", "Temporarily unavailable, retry shortly")).build();
    }

    /**
     * One store's trouble behind commerce-gateway that the route did not answer itself (its tenant could not be read,
     * for one): that store's 503 in words, not a 500; the other stores are not affected.
     */
    @ServerExceptionMapper
    public Response storeUnavailable(io.csc.web.client.StoreUnavailable e) {
        String code = e.code() == null ? "" : e.code();
        return switch (code) {
            case "store_keys_unreadable" -> json(503, code,
                    "This store's keys cannot be read with the current encryption key: enter them again in the console");
            case "woocommerce_not_configured" -> json(503, code, "WooCommerce not configured for this store");
            case "store_auth_failed" -> json(502, code, "The store refused our keys");
            default -> json(503, "store_unavailable", "The store could not be reached; try again later");
        };
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Throwable e) {
        // The type only: messages of unexpected failures may carry data we must not log.
        Log.errorf("Unexpected failure: %s", e.getClass().getName());
        return json(500, "internal_error", "Internal server error");
    }

    public static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ErrorResponse.of(code, message)).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
