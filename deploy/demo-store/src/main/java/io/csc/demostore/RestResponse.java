package io.csc.demostore;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Status, JSON body and the extra headers (pagination, Location) of an answer. */
final class RestResponse {

    final int status;
    final JsonNode body;
    final Map<String, String> headers = new LinkedHashMap<>();
    boolean withoutAllow;

    RestResponse(int status, JsonNode body) {
        this.status = status;
        this.body = body;
    }

    static RestResponse ok(JsonNode body) {
        return new RestResponse(200, body);
    }

    static RestResponse created(JsonNode body, String location) {
        return new RestResponse(201, body).header("Location", location);
    }

    RestResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
