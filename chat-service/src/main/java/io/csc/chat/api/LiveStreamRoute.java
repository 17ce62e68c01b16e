package io.csc.chat.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.live.LiveBus;
import io.csc.chat.live.LiveEvent;
import io.csc.chat.live.LiveHandoff;
import io.csc.chat.live.LiveMessage;
import io.csc.chat.live.LiveService;
import io.csc.chat.live.OperatorService;
import io.csc.model.ErrorResponse;
import io.csc.web.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The live streams (docs/live-handoff.md) as Server-Sent Events: {@code GET /api/chat/live} for the shopper (a plain
 * {@code EventSource}: authorised by domain + session_id + conversation_id as {@code GET /api/chat/{id}} is) and
 * {@code GET /api/operator/handoffs/{id}/events} for the operator (bearer session). Plain Vert.x routes, as
 * {@link ChatStreamRoute}, so a refusal is still a JSON error with its status.
 * <p>
 * A stream listens first ({@link LiveBus}), then catches up from PostgreSQL after {@code after} (or
 * {@code Last-Event-ID}); events arriving meanwhile wait and are sent after, without duplicates, in id order. Every
 * write happens on the request's context. A heartbeat comment ({@code : ping}) every {@code CHAT_LIVE_HEARTBEAT}; the
 * listener and the timer end when the client goes.
 */
@ApplicationScoped
public class LiveStreamRoute {
    public static final String SHOPPER_PATH = "/api/chat/live";
    static final String OPERATOR_PATH = "/api/operator/handoffs/([^/]+)/events";

    private final LiveService live;
    private final OperatorService operators;
    private final LiveBus bus;
    private final PublicEdge edge;
    private final ChatConfig config;
    private final ObjectMapper json;

    public LiveStreamRoute(LiveService live, OperatorService operators, LiveBus bus, PublicEdge edge, ChatConfig config,
            ObjectMapper json) {
        this.live = live;
        this.operators = operators;
        this.bus = bus;
        this.edge = edge;
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.get(SHOPPER_PATH).order(-100).handler(this::shopper);
        router.getWithRegex(OPERATOR_PATH).order(-100).handler(this::operator);
    }

    private void shopper(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        Context context = rc.vertx().getOrCreateContext();
        try {
            long after = after(request);
            ChatResource.liveConversation(live, edge, config, request.getParam("domain"), request.getParam("session_id"),
                    request.getParam("conversation_id"), request, response)
                    .subscribe().with(id -> context.runOnContext(v -> open(rc, context, id, null, after, false)),
                            failure -> context.runOnContext(v -> error(response, failure)));
        } catch (RuntimeException e) {
            error(response, e);
        }
    }

    private void operator(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        Context context = rc.vertx().getOrCreateContext();
        try {
            long after = after(request);
            String id = rc.pathParam("param0");
            operators.authenticate(request.getHeader("Authorization")).flatMap(o -> live.visible(o, id))
                    .subscribe().with(h -> context.runOnContext(v -> {
                        if (h.conversationId() == null) {
                            error(response, ApiException.notFound("handoff_not_found", "No such handoff"));
                        } else {
                            open(rc, context, h.conversationId(), h.id(), after, true);
                        }
                    }), failure -> context.runOnContext(v -> error(response, failure)));
        } catch (RuntimeException e) {
            error(response, e);
        }
    }

    /** {@code after} or, on an EventSource's reconnect, {@code Last-Event-ID}: the last message id the client has. */
    static long after(HttpServerRequest request) {
        String raw = request.getParam("after");
        if (raw == null || raw.isBlank()) {
            raw = request.getHeader("Last-Event-ID");
        }
        if (raw == null || raw.isBlank()) {
            return 0;
        }
        try {
            long after = Long.parseLong(raw.strip());
            if (after < 0) {
                throw ApiException.badRequest("after must be a message id");
            }
            return after;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("after must be a message id");
        }
    }

    /** One open stream; touched only on its request's context. */
    private final class Stream {
        final HttpServerResponse response;
        final String handoffId;
        final boolean operator;
        long last;
        boolean caughtUp;
        final List<LiveEvent> waiting = new ArrayList<>();

        Stream(HttpServerResponse response, String handoffId, boolean operator, long after) {
            this.response = response;
            this.handoffId = handoffId;
            this.operator = operator;
            this.last = after;
        }

        void event(LiveEvent e) {
            if (!caughtUp) {
                waiting.add(e);
                return;
            }
            if (e.message() != null) {
                message(e.message());
            } else if (e.handoff() != null) {
                state(e.handoff());
            }
        }

        void message(LiveMessage m) {
            if (m.id() <= last) {
                return;
            }
            last = m.id();
            Map<String, Object> view = operator ? LiveService.operatorMessageView(m) : LiveService.shopperMessageView(m);
            if (view != null) {
                write("id: " + m.id() + "\nevent: message\ndata: " + encode(view) + "\n\n");
            }
        }

        void state(LiveHandoff h) {
            if (operator && !h.id().equals(handoffId)) {
                return;
            }
            write("event: state\ndata: " + encode(operator ? LiveService.view(h) : LiveService.shopperState(h)) + "\n\n");
        }

        void caughtUp(LiveHandoff h, List<LiveMessage> missed) {
            if (h != null) {
                state(h);
            } else if (!operator) {
                write("event: state\ndata: " + encode(LiveService.shopperState(null)) + "\n\n");
            }
            missed.forEach(this::message);
            caughtUp = true;
            waiting.sort(Comparator.comparingLong(e -> e.message() == null ? Long.MAX_VALUE : e.message().id()));
            waiting.forEach(this::event);
            waiting.clear();
        }

        void write(String chunk) {
            if (!response.ended() && !response.closed()) {
                response.write(chunk);
            }
        }
    }

    private void open(RoutingContext rc, Context context, String conversationId, String handoffId, long after,
            boolean operator) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .putHeader("X-Accel-Buffering", "no");
        Stream stream = new Stream(response, handoffId, operator, after);
        stream.write(": live\n\n");
        Runnable stop = bus.listen(conversationId, e -> context.runOnContext(v -> stream.event(e)));
        long timer = rc.vertx().setPeriodic(Math.max(1000, config.live().heartbeat().toMillis()),
                t -> stream.write(": ping\n\n"));
        Runnable close = () -> {
            stop.run();
            rc.vertx().cancelTimer(timer);
        };
        response.closeHandler(v -> close.run());
        response.exceptionHandler(e -> close.run());
        Uni<LiveHandoff> state = operator
                ? live.latestOf(conversationId)
                        .map(h -> h != null && h.id().equals(handoffId) ? h : null)
                        .flatMap(h -> h != null ? Uni.createFrom().item(h) : Uni.createFrom().nullItem())
                : live.latestOf(conversationId);
        state.flatMap(h -> live.messagesAfter(conversationId, after).map(missed -> Map.entry(h == null ? NONE : h, missed)))
                .subscribe().with(r -> context.runOnContext(v -> stream.caughtUp(r.getKey() == NONE ? null : r.getKey(),
                        r.getValue())), failure -> context.runOnContext(v -> {
                            Log.warnf("Live stream: catch-up failed (%s)", failure.getClass().getSimpleName());
                            stream.write("event: error\ndata: " + encode(ErrorResponse.of("stream_failed",
                                    "The live chat is temporarily unavailable")) + "\n\n");
                            close.run();
                            response.end();
                        }));
    }

    private static final LiveHandoff NONE = new LiveHandoff("", "", "", "none", null, null, null, null, null, null, null,
            null, null);

    private String encode(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return "{}";
        }
    }

    private void error(HttpServerResponse response, Throwable failure) {
        RouteErrors.write(response, failure, json);
    }
}
