package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.invocation.InvocationParameters;
import dev.langchain4j.service.MemoryId;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import io.quarkiverse.langchain4j.RegisterAiService;
import io.smallrye.mutiny.Multi;

/**
 * The model with the store's tools. Application-scoped (the default request scope would drop the memory after each
 * HTTP request); memory from {@link LlmMemoryProvider}, keyed by conversation id. Only {@link LlmAssistant} calls it,
 * always with a {@link TurnScope} in the invocation parameters.
 */
@RegisterAiService(tools = {ProductLlmTools.class, VerificationLlmTools.class, OrderLlmTools.class,
        OrderChangeLlmTools.class, ShopLlmTools.class, KnowledgeLlmTools.class})
@ApplicationScoped
public interface StoreAssistantAi {

    @SystemMessage(fromResource = "llm/system-prompt.txt")
    String chat(@MemoryId String conversationId, @UserMessage String message, String storeName, String shopperContext,
            InvocationParameters params);

    @SystemMessage(fromResource = "llm/system-prompt.txt")
    Multi<String> stream(@MemoryId String conversationId, @UserMessage String message, String storeName,
            String shopperContext, InvocationParameters params);
}
