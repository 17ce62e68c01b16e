package io.csc.demostore;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A WordPress REST error ({@code WP_Error}) on its way to the client. */
final class WooException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    final int status;
    final transient ObjectNode body;
    /** Some recorded errors come without an Allow header (the route's permission checks failed for a missing id). */
    final boolean withoutAllow;

    WooException(int status, ObjectNode body, boolean withoutAllow) {
        super(body.path("code").asText() + ": " + body.path("message").asText(), null, false, false);
        this.status = status;
        this.body = body;
        this.withoutAllow = withoutAllow;
    }

    WooException withoutAllow() {
        return new WooException(status, body, true);
    }
}
