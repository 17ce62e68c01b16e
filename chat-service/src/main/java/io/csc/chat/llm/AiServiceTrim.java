package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.SerializationFeature;

import io.csc.chat.config.ChatConfig;
import io.quarkiverse.langchain4j.QuarkusJsonCodecFactory;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the model compact JSON: quarkus-langchain4j's JSON mapper for the OpenAI requests indents its output (the same
 * bytes plus whitespace nobody reads, a measurable share of an LLM turn's CPU with the benchmark's stub model). The
 * mapper is a public static field of the library, switched here with a plain call: no reflection, native-friendly, and
 * a library that moves it fails the compilation. {@code LlmAssistantTest#the_request_to_the_model_is_compact_json}
 * fails when the library stops using it for the request.
 * <p>
 * This class once also unregistered the AI service's CDI event adapters by reading the generated service's private
 * context field (reflection); that is gone: the library offers no supported switch for them, and each costs only a CDI
 * observer resolution per event.
 */
@ApplicationScoped
public class AiServiceTrim {

    void onStart(@Observes StartupEvent event, ChatConfig config) {
        String apiKey = config.llm().apiKey().orElse("");
        if (apiKey.isBlank() || "none".equals(apiKey)) {
            return;
        }
        QuarkusJsonCodecFactory.SnakeCaseObjectMapperHolder.MAPPER.disable(SerializationFeature.INDENT_OUTPUT);
    }
}
