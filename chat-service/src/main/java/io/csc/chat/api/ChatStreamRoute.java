package io.csc.chat.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.insight.TurnLedger;
import io.csc.chat.turn.ChatService;
import io.csc.chat.turn.TurnInput;
import io.csc.model.ErrorResponse;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/chat/stream}: the chat turn as Server-Sent Events. A plain Vert.x route rather than a REST
 * resource because every refusal (unknown store, rate limit, bad input) must still be a JSON error with its status,
 * and a streamed REST response commits its status and headers before the first check has run.
 * <p>
 * Events: {@code event: delta} with {@code {"text": "..."}} as the assistant writes, then one {@code event: done} with
 * the whole response object of {@code POST /api/chat} (its {@code message} is the one to keep). A failure after the
 * stream started arrives as {@code event: error} with the JSON error shape.
 */
@ApplicationScoped
public class ChatStreamRoute {
    public static final String PATH = "/api/chat/stream";

    private final ChatService chat;
    private final PublicEdge edge;
    private final ChatConfig config;
    private final ObjectMapper json;
    private final TurnLedger ledger;

    public ChatStreamRoute(ChatService chat, PublicEdge edge, ChatConfig config, ObjectMapper json, TurnLedger ledger) {
        this.ledger = ledger;
        this.chat = chat;
        this.edge = edge;
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.post(PATH).order(-100).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        HttpServerResponse response = rc.response();
        if (!json(rc.request().getHeader("Content-Type"))) {
            error(response, new ApiException(415, "unsupported_media_type", "Send application/json"));
            return;
        }
        if (rc.body() != null && rc.body().buffer() != null) {
            // common-web's BodyLimit has read a chunked body already, counting it against the limit
            run(rc, rc.body().buffer());
            return;
        }
        // Otherwise BodyLimit has checked the Content-Length, and the HTTP codec delivers no more than that
        rc.request().body().onFailure(e -> error(response, ApiException.badRequest("Could not read the request body")))
                .onSuccess(buffer -> run(rc, buffer));
        // Quarkus hands the request over paused; reading starts here
        rc.request().resume();
    }

    private void run(RoutingContext rc, Buffer buffer) {
        try {
            start(rc, buffer);
        } catch (RuntimeException e) {
            error(rc.response(), e);
        }
    }

    /** {@code application/json}, with or without parameters (a charset), as {@code POST /api/chat} accepts it. */
    static boolean json(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
        return type.equalsIgnoreCase("application/json");
    }

    private void start(RoutingContext rc, Buffer buffer) {
        HttpServerResponse response = rc.response();
        ChatRequest body = parse(buffer);
        ChatResource.Checked c = ChatResource.check(body, true, config.maxMessageLength());
        edge.admit(rc.request(), response, c.domain(), ChatResource.BUCKET, c.sessionId(),
                config.rateLimit().chat())
                .flatMap(tenant -> {
                    TurnInput in = ChatResource.input(tenant, c, body, edge.clientIp(rc.request()));
                    return chat.stream(in).map(t -> new ChatService.StreamedTurn(t.deltas(), t.outcome()
                            .call(o -> o.forwarded()
                                    ? io.smallrye.mutiny.Uni.createFrom().voidItem()
                                    : ledger.record(tenant.domain(), o.conversationId(), in.message(), o.reply()))
                            .memoize().indefinitely()));
                })
                .subscribe().with(turn -> {
                    response.setStatusCode(200).setChunked(true)
                            .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                            .putHeader("Cache-Control", "no-cache")
                            .putHeader("X-Accel-Buffering", "no");
                    turn.deltas().subscribe().with(text -> send(response, "delta", java.util.Map.of("text", text)),
                            failure -> Log.warnf("Stream deltas failed: %s", failure.getClass().getSimpleName()),
                            () -> turn.outcome().subscribe().with(o -> {
                                send(response, "done", ChatResource.render(o));
                                response.end();
                            }, failure -> {
                                Log.warnf("Stream failed: %s", failure.getClass().getSimpleName());
                                send(response, "error",
                                        ErrorResponse.of("stream_failed", "The chat is temporarily unavailable"));
                                response.end();
                            }));
                }, failure -> error(response, failure));
    }

    private ChatRequest parse(Buffer buffer) {
        if (buffer == null || buffer.length() == 0) {
            throw ApiException.badRequest("A JSON body is required");
        }
        try {
            ChatRequest body = json.readValue(buffer.getBytes(), ChatRequest.class);
            if (body == null) {
                throw ApiException.badRequest("A JSON body is required");
            }
            return body;
        } catch (java.io.IOException e) {
            throw new ApiException(400, "invalid_json", "The request body is not valid JSON for this route");
        }
    }

    private void send(HttpServerResponse response, String event, Object data) {
        if (response.ended() || response.closed()) {
            return;
        }
        try {
            response.write("event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n");
        } catch (JsonProcessingException e) {
            Log.warnf("Could not serialize a stream event");
        }
    }

    private void error(HttpServerResponse response, Throwable failure) {
        RouteErrors.write(response, failure, json);
    }
}
