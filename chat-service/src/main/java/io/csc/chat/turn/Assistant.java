package io.csc.chat.turn;

import io.smallrye.mutiny.Uni;

/**
 * Answers one shopper turn: the turn's port to its assistants. Implementations: {@code @Named("builtin")} (deterministic,
 * offline) and {@code @Named("llm")} (a model with tools). Neither can execute a pending action: the turn does that
 * before any assistant runs. Which one answers, the model's time limit and the fallback are {@link AssistantSelector}'s.
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

    /**
     * The built-in assistant answered this turn in this assistant's place (it failed or ran out of time). An assistant
     * that keeps its own memory of the conversation records the exchange here, so its next turn follows on.
     */
    default Uni<Void> answeredInstead(Turn turn, AssistantReply reply) {
        return Uni.createFrom().voidItem();
    }
}
