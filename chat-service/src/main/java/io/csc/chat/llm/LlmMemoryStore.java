package io.csc.chat.llm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.store.memory.chat.ChatMemoryStore;
import io.csc.chat.conversation.Redactor;
import io.quarkus.logging.Log;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Stored>> STORED_LIST = new TypeReference<>() {
    };

    /**
     * The messages this thread just read from Redis: stored redacted already, so writing them back skips the redaction
     * (a turn reads the memory, then writes it back with the new messages, on the same worker thread).
     */
    private static final ThreadLocal<Set<ChatMessage>> READ = ThreadLocal
            .withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

    private final ValueCommands<String, String> values;
    private final LlmConfig config;

    public LlmMemoryStore(RedisDataSource redis, LlmConfig config) {
        this.values = redis.value(String.class);
        this.config = config;
    }

    @Override
    public List<ChatMessage> getMessages(Object memoryId) {
        String json = values.get(PREFIX + memoryId);
        if (json == null) {
            return new ArrayList<>();
        }
        try {
            List<Stored> stored = JSON.readValue(json, STORED_LIST);
            List<ChatMessage> messages = new ArrayList<>(stored.stream().map(Stored::toMessage).filter(Objects::nonNull)
                    .toList());
            Set<ChatMessage> read = READ.get();
            read.clear();
            read.addAll(messages);
            return messages;
        } catch (JsonProcessingException e) {
            // an unreadable memory is forgotten, not fatal: the conversation's stored history still reaches chat-core
            Log.warnf("Unreadable model memory dropped (%s)", e.getClass().getSimpleName());
            return new ArrayList<>();
        }
    }

    @Override
    public void updateMessages(Object memoryId, List<ChatMessage> messages) {
        Set<ChatMessage> read = READ.get();
        List<Stored> stored = messages.stream().filter(m -> !(m instanceof SystemMessage))
                .map(m -> read.contains(m) ? m : redact(m)).map(Stored::of).filter(Objects::nonNull).toList();
        read.clear();
        try {
            values.setex(PREFIX + memoryId, Math.max(1, config.memory().ttl().toSeconds()), JSON.writeValueAsString(stored));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One message as kept in Redis. Our own small shape with our own mapper: langchain4j's codec goes through the
     * application's ObjectMapper, whose strict settings (common-web's StrictJson) cannot read it back.
     */
    record Stored(String type, String text, List<Call> calls, String toolId, String toolName) {
        record Call(String id, String name, String arguments) {
        }

        static Stored of(ChatMessage m) {
            if (m instanceof UserMessage u && u.hasSingleText()) {
                return new Stored("user", u.singleText(), null, null, null);
            }
            if (m instanceof AiMessage ai) {
                List<Call> calls = ai.hasToolExecutionRequests()
                        ? ai.toolExecutionRequests().stream().map(r -> new Call(r.id(), r.name(), r.arguments())).toList()
                        : null;
                return new Stored("ai", ai.text(), calls, null, null);
            }
            if (m instanceof ToolExecutionResultMessage t) {
                return new Stored("tool", t.text(), null, t.id(), t.toolName());
            }
            return null;
        }

        ChatMessage toMessage() {
            return switch (type == null ? "" : type) {
                case "user" -> UserMessage.from(text == null ? "" : text);
                case "ai" -> AiMessage.builder().text(text)
                        .toolExecutionRequests(calls == null
                                ? List.of()
                                : calls.stream().map(c -> ToolExecutionRequest.builder().id(c.id()).name(c.name())
                                        .arguments(c.arguments()).build()).toList())
                        .build();
                case "tool" -> ToolExecutionResultMessage.from(toolId, toolName, text == null ? "" : text);
                default -> null;
            };
        }
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
