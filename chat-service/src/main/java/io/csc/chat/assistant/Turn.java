package io.csc.chat.assistant;

import java.util.List;

/** One shopper turn: the (unredacted) message and the conversation's redacted recent history, oldest first. */
public record Turn(TurnContext context, String message, List<HistoryMessage> history) {
}
