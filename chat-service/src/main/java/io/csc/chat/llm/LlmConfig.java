package io.csc.chat.llm;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The model's settings ({@code chat.llm.*}). Every key under {@code chat.llm} must be mapped here or in
 * {@code ChatConfig.Llm}: {@code ChatConfig} maps the {@code chat} prefix and SmallRye refuses unmapped keys below it.
 * The API key and the turn's time limit ({@code CHAT_LLM_TIMEOUT}) are read by the turn's {@code AssistantSelector}
 * through {@code ChatConfig.Llm}.
 */
@ConfigMapping(prefix = "chat.llm")
public interface LlmConfig {

    /** {@code OPENAI_API_KEY}; empty means no model: the built-in assistant answers every turn. */
    Optional<String> apiKey();

    /** A chat-core tool that does not answer in this time counts as unavailable for the model. */
    @WithDefault("10s")
    Duration toolTimeout();

    Memory memory();

    /** The model's per-conversation memory, kept in Redis so any replica can take the next turn. */
    interface Memory {

        /** Messages kept per conversation (user, assistant, tool calls and results); older ones drop out. */
        @WithDefault("24")
        int maxMessages();

        /** How long a conversation's memory lives after its last turn ({@code CHAT_LLM_MEMORY_TTL}). */
        @WithDefault("24h")
        Duration ttl();
    }
}
