package io.csc.chat.turn;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A streamed turn: text deltas as they come, and the whole reply. Subscribing to {@code reply} must not run the turn a
 * second time (memoize it): the SSE resource sends the deltas, then the reply as the final event.
 */
public record StreamedReply(Multi<String> deltas, Uni<AssistantReply> reply) {
}
