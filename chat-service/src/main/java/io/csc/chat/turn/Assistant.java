package io.csc.chat.turn;

import io.smallrye.mutiny.Uni;

/**
 * Answers one shopper turn. Implementations: {@code @Named("builtin")} (deterministic, offline) and {@code @Named("llm")}
 * (a model with tools). Neither can execute a pending action: chat-core does that before any assistant runs.
 */
public interface Assistant {
    Uni<AssistantReply> reply(Turn turn);

    /**
     * Text deltas as produced; the default emits the whole reply's message once. The final object comes from reply:
     * {@link StreamedReply#reply()} completes with the whole reply after the last delta, and the turn runs once.
     */
    default StreamedReply stream(Turn turn) {
        Uni<AssistantReply> reply = reply(turn).memoize().indefinitely();
        return new StreamedReply(reply.toMulti().map(AssistantReply::message), reply);
    }
}
