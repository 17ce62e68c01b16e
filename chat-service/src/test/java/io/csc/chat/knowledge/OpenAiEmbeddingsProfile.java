package io.csc.chat.knowledge;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** chat-service with a key and {@code chat.knowledge.embedding-provider=openai}, the provider stubbed. */
public class OpenAiEmbeddingsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.langchain4j.openai.enable-integration", "true",
                "quarkus.langchain4j.openai.api-key", OpenAiEmbeddingsStub.KEY,
                "chat.llm.api-key", OpenAiEmbeddingsStub.KEY,
                "chat.knowledge.embedding-provider", "openai",
                "chat.knowledge.openai-embedding-model", OpenAiEmbeddingsStub.MODEL,
                "quarkus.langchain4j.openai.max-retries", "1");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OpenAiEmbeddingsStub.class), new TestResourceEntry(GatewayStub.class));
    }
}
