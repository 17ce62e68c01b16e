package io.csc.chat.conversation;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.AssistantReply;
import io.csc.chat.assistant.Turn;
import io.smallrye.mutiny.Uni;

/** Orchestrates one chat turn. (Skeleton: answers through the selected assistant.) */
@ApplicationScoped
public class ChatService {
    private final AssistantSelector assistants;

    public ChatService(AssistantSelector assistants) {
        this.assistants = assistants;
    }

    public Uni<AssistantReply> reply(Turn turn) {
        return assistants.reply(turn);
    }
}
