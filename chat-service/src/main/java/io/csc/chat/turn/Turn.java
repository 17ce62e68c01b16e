package io.csc.chat.turn;

import java.util.List;

import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.assistant.TurnContext;

/** One shopper turn: the (unredacted) message and the conversation's redacted recent history, oldest first. */
public record Turn(TurnContext context, String message, List<HistoryMessage> history) {
}
