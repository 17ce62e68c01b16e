package io.csc.chat.builtin;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.csc.chat.assistant.Assistant;
import io.csc.chat.assistant.AssistantReply;
import io.csc.chat.assistant.Turn;
import io.smallrye.mutiny.Uni;

/** Placeholder until chat-builtin lands the deterministic assistant (which replaces this file wholesale). */
@ApplicationScoped
@Named("builtin")
public class BuiltinAssistant implements Assistant {
    @Override
    public Uni<AssistantReply> reply(Turn turn) {
        return Uni.createFrom()
                .item(new AssistantReply("Thanks for your message! How can I help you with our products or your order?",
                        List.of(), null, false, List.of(), "builtin", "answered"));
    }
}
