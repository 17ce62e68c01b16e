package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.memory.ChatMemory;
import dev.langchain4j.memory.chat.ChatMemoryProvider;
import dev.langchain4j.memory.chat.MessageWindowChatMemory;

/**
 * A bounded window of the conversation per conversation id, over {@link LlmMemoryStore}. Replaces quarkus-langchain4j's
 * in-memory default, which would tie a conversation to one replica.
 */
@ApplicationScoped
public class LlmMemoryProvider implements ChatMemoryProvider {
    private final LlmMemoryStore store;
    private final LlmConfig config;

    public LlmMemoryProvider(LlmMemoryStore store, LlmConfig config) {
        this.store = store;
        this.config = config;
    }

    @Override
    public ChatMemory get(Object memoryId) {
        return MessageWindowChatMemory.builder().id(memoryId).maxMessages(config.memory().maxMessages()).chatMemoryStore(store)
                .build();
    }
}
