package io.csc.chat.llm;

import java.lang.reflect.Field;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.csc.chat.config.ChatConfig;
import io.quarkiverse.langchain4j.QuarkusJsonCodecFactory;
import io.quarkiverse.langchain4j.observability.AiServiceEvents;
import io.quarkiverse.langchain4j.runtime.aiservice.QuarkusAiServiceContext;
import io.quarkus.arc.ClientProxy;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * Takes out of the model's path two things quarkus-langchain4j does on every call that chat-service has no use for
 * (together about a tenth of an LLM turn's CPU, profiled with the benchmark's stub model):
 * <ul>
 * <li>the adapters that re-fire each AI-service event (started, request issued, response received, tool executed,
 * completed) as a CDI event: nothing here observes them, and each costs a CDI observer resolution. The metrics do not
 * depend on them ({@code chat_llm_latency}, {@code chat_tool_calls} and quarkus-langchain4j's own timers stay);</li>
 * <li>the indentation of the JSON sent to the model: the same bytes, minus whitespace nobody reads.</li>
 * </ul>
 * Only in LLM mode; a library that changes these internals (or a native image without the reflection) makes this a
 * no-op with a warning, never a failed start.
 */
@ApplicationScoped
public class AiServiceTrim {

    void onStart(@Observes StartupEvent event, ChatConfig config, StoreAssistantAi ai) {
        String apiKey = config.llm().apiKey().orElse("");
        if (apiKey.isBlank() || "none".equals(apiKey)) {
            return;
        }
        try {
            QuarkusAiServiceContext context = contextOf(ai);
            if (context != null) {
                for (AiServiceEvents e : AiServiceEvents.values()) {
                    context.eventListenerRegistrar.unregister(e.createListener(StoreAssistantAi.class));
                }
            }
            QuarkusJsonCodecFactory.SnakeCaseObjectMapperHolder.MAPPER.disable(SerializationFeature.INDENT_OUTPUT);
        } catch (RuntimeException | LinkageError e) {
            Log.warnf("Could not trim quarkus-langchain4j's per-call work (%s); the model works as before",
                    e.getClass().getSimpleName());
        }
    }

    /**
     * The AI service's own context: a dependent bean held by the generated implementation (looking the bean up again
     * would create another one), read from its field.
     */
    private static QuarkusAiServiceContext contextOf(StoreAssistantAi ai) {
        Object impl = ClientProxy.unwrap(ai);
        for (Field f : impl.getClass().getDeclaredFields()) {
            if (QuarkusAiServiceContext.class.isAssignableFrom(f.getType())) {
                try {
                    f.setAccessible(true);
                    return (QuarkusAiServiceContext) f.get(impl);
                } catch (IllegalAccessException | RuntimeException e) {
                    Log.warnf("AI service context not readable (%s)", e.getClass().getSimpleName());
                    return null;
                }
            }
        }
        return null;
    }
}
