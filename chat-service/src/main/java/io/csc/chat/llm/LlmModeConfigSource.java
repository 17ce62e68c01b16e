package io.csc.chat.llm;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Turns quarkus-langchain4j's OpenAI integration on exactly when {@code OPENAI_API_KEY} is set. application.properties
 * keeps it off (with no key the OpenAI beans would fail at start, and the built-in assistant answers anyway); this
 * source sits just above application.properties and below environment variables and system properties, so an explicit
 * {@code QUARKUS_LANGCHAIN4J_OPENAI_ENABLE_INTEGRATION} still wins.
 */
public class LlmModeConfigSource implements ConfigSource {
    static final String ENABLE = "quarkus.langchain4j.openai.enable-integration";

    private final Map<String, String> properties;

    public LlmModeConfigSource() {
        this(System.getenv("OPENAI_API_KEY"));
    }

    LlmModeConfigSource(String apiKey) {
        this.properties = apiKey != null && !apiKey.isBlank() ? Map.of(ENABLE, "true") : Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return properties.get(propertyName);
    }

    @Override
    public String getName() {
        return "chat-llm-mode";
    }

    @Override
    public int getOrdinal() {
        return 260;
    }
}
