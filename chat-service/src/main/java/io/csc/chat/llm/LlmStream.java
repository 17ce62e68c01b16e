package io.csc.chat.llm;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.grounding.FactExtractor;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.StreamedReply;
import io.csc.chat.turn.Turn;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One streamed model turn. Text deltas go out as the model writes them while nothing in the turn needs checking; from
 * the moment a private tool has run, or the text so far states an order fact, the rest is held, checked like a
 * non-streamed reply, and sent in one piece (or replaced). The final reply (the SSE's last event) is authoritative.
 * A model error fails both the deltas and the reply; the turn's time limit and the fallback to the built-in assistant
 * are {@link io.csc.chat.turn.AssistantSelector}'s, which stops reading the deltas when the time is up (the model's
 * stream is then cancelled).
 */
final class LlmStream {
    private final LlmAssistant owner;
    private final Turn turn;
    private final Context vertx;
    private final TurnScope scope;
    private final UnicastProcessor<String> out = UnicastProcessor.create();
    private final CompletableFuture<AssistantReply> done = new CompletableFuture<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder sent = new StringBuilder();
    private boolean started;
    private boolean holding;
    private boolean ended;
    private Cancellable model;

    LlmStream(LlmAssistant owner, Turn turn) {
        this.owner = owner;
        this.turn = turn;
        this.vertx = Vertx.currentContext();
        this.scope = new TurnScope(turn.context(), vertx);
    }

    StreamedReply start() {
        Multi<String> deltas = Multi.createFrom().deferred(() -> {
            begin();
            return out;
        }).onCancellation().invoke(() -> fail(new CancellationException("the turn stopped reading the model")));
        Uni<AssistantReply> reply = Uni.createFrom().deferred(() -> {
            begin();
            return Uni.createFrom().completionStage(done);
        });
        return new StreamedReply(deltas, reply);
    }

    private synchronized void begin() {
        if (started) {
            return;
        }
        started = true;
        TurnContext ctx = turn.context();
        scope.open();
        model = owner.ai().stream(ctx.conversationId(), turn.message(), scope.toParameters())
                .onTermination().invoke(scope::close)
                .subscribe().with(this::delta, this::fail, this::complete);
    }

    private synchronized void delta(String delta) {
        if (ended || delta == null) {
            return;
        }
        text.append(delta);
        if (!holding && (scope.privateToolRan() || !FactExtractor.claims(text.toString()).isEmpty())) {
            holding = true;
        }
        if (!holding) {
            sent.append(delta);
            out.onNext(delta);
        }
    }

    private void complete() {
        String modelText;
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
            modelText = text.toString();
        }
        LlmAssistant.blocking(vertx, () -> owner.finish(turn, scope, modelText)).subscribe().with(reply -> {
            String message = reply.message();
            String already = sent.toString();
            // held text goes out in one piece; a replaced reply only in the final event (it does not continue the prefix)
            if (message.startsWith(already) && message.length() > already.length()) {
                out.onNext(message.substring(already.length()));
            }
            out.onComplete();
            done.complete(reply);
        }, this::end);
    }

    private void fail(Throwable e) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        if (model != null) {
            model.cancel();
        }
        end(e);
    }

    private void end(Throwable e) {
        out.onError(e);
        done.completeExceptionally(e);
    }
}
