package io.csc.gateway.api;

import io.vertx.core.http.HttpServerRequest;

/** Who is calling, for rate limits. Behind the ingress, Quarkus' forwarded-header support puts the real client here. */
final class ClientAddress {
    private ClientAddress() {
    }

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
