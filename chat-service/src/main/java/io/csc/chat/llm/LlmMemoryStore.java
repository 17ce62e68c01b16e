package io.csc.chat.llm;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.csc.chat.conversation.Redactor;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;

/**
 * The model's memory of a conversation in Redis ({@code chat:llm:memory:<conversationId>}), redacted the way stored
 * messages are (emails, phones, addresses, codes, card-like numbers) and expiring a while after the last turn.
 * <p>
 * The turn in progress works on unredacted messages (the model needs the email the shopper just typed to verify them);
 * quarkus-langchain4j writes the memory here only when the turn succeeded, and this store redacts every message then.
 * The system message is not kept: it is built anew for every turn.
 */
@ApplicationScoped
public class LlmMemoryStore implements ChatMemoryStore {
    static final String PREFIX = "chat:llm:memory:";

    private final ValueCommands<String, String> values;
    private final LlmConfig config;

    public LlmMemoryStore(RedisDataSource redis, LlmConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        String json = values.get(PREFIX + memoryId);
        return json == null ? new ArrayList<>() : new ArrayList<>(ChatMessageDeserializer.messagesFromJson(json));
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        List<ChatMessage> redacted = messages.stream().filter(m -> !(m instanceof SystemMessage))
                .map(LlmMemoryStore::redact).toList();
        values.setex(PREFIX + memoryId, Math.max(1, config.memory().ttl().toSeconds()),
                ChatMessageSerializer.messagesToJson(redacted));
    }

    @Override
    public void deleteMessages(Object memoryId) {
        values.getdel(PREFIX + memoryId);
    }

    static ChatMessage redact(ChatMessage message) {
        if (message instanceof UserMessage user && user.hasSingleText()) {
            return UserMessage.from(Redactor.redact(user.singleText()));
        }
        if (message instanceof AiMessage ai) {
            List<ToolExecutionRequest> requests = ai.hasToolExecutionRequests()
                    ? ai.toolExecutionRequests().stream()
                            .map(r -> r.toBuilder().arguments(Redactor.redact(r.arguments())).build()).toList()
                    : List.of();
            return AiMessage.builder().text(ai.text() == null ? null : Redactor.redact(ai.text()))
                    .toolExecutionRequests(requests).build();
        }
        if (message instanceof ToolExecutionResultMessage result) {
            return ToolExecutionResultMessage.from(result.id(), result.toolName(), Redactor.redact(result.text()));
        }
        return message;
    }
}
