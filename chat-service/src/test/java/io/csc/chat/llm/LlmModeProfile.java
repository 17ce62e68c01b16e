package io.csc.chat.llm;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** chat-service with a model configured (the stub in {@link OpenAiWireMock}) and short time limits. */
public class LlmModeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.langchain4j.openai.enable-integration", "true",
                "quarkus.langchain4j.openai.api-key", "test-openai-key",
                "chat.llm.api-key", "test-openai-key",
                "quarkus.langchain4j.openai.chat-model.model-name", "stub-model",
                // the turn gives up before the HTTP client does: a slow model is a timeout, not an error. Generous, as a
                // first call on a busy 2-core machine takes seconds (class loading); the slow-model test waits this long
                "chat.llm.timeout", "20s",
                "quarkus.langchain4j.openai.timeout", "60s",
                "quarkus.langchain4j.openai.max-retries", "1",
                // these tests do not use the database; the shared test database may carry a newer migration of a
                // branch not merged here yet
                "quarkus.flyway.validate-on-migrate", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiWireMock.class));
    }
}
