package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/**
 * The model with the store's tools. Application-scoped (the default request scope would drop the memory after each
 * HTTP request); memory from {@link LlmMemoryProvider}, keyed by conversation id; the system message from
 * {@link SystemPrompt}. Only {@link LlmAssistant} calls it, always with an open {@link TurnScope} in the invocation
 * parameters.
 */
@RegisterAiService(tools = {ProductLlmTools.class, VerificationLlmTools.class, OrderLlmTools.class,
        OrderChangeLlmTools.class, ShopLlmTools.class,
        KnowledgeLlmTools.class}, systemMessageProviderSupplier = SystemPrompt.class)
@ApplicationScoped
public interface StoreAssistantAi {

    /**
     * The shopper's message is the value of the template's one variable, never the template itself: a message with
     * braces in it ("{conversationId}", "{#if ...}") reaches the model as typed.
     */
    @UserMessage("{message}")
    String chat(@MemoryId String conversationId, String message, InvocationParameters params);

    @UserMessage("{message}")
    Multi<String> stream(@MemoryId String conversationId, String message, InvocationParameters params);
}
