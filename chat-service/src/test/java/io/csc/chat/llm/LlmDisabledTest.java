package io.csc.chat.llm;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;

import io.csc.chat.turn.Assistant;
import io.csc.chat.turn.AssistantReply;
import io.csc.chat.turn.AssistantSelector;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.mutiny.Uni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** No API key: the service starts and the built-in assistant answers; the model is never asked. */
@QuarkusTest
@TestProfile(LlmDisabledTest.NoKey.class)
class LlmDisabledTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // explicit, so that an OPENAI_API_KEY in the environment running the tests changes nothing here
            return Map.of("quarkus.langchain4j.openai.enable-integration", "false",
                    "chat.llm.api-key", "none",
                    "quarkus.flyway.validate-on-migrate", "false");
        }
    }

    @Inject
    AssistantSelector selector;
    @Inject
    @Named("llm")
    Assistant llm;

    @Test
    void without_a_key_the_builtin_assistant_answers() {
        assertFalse(selector.llmActive());
        assertEquals("builtin", selector.reply(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "hi"))
                .await().atMost(Duration.ofSeconds(30)).mode());
        assertEquals("builtin", selector.stream(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "hi"))
                .reply().await().atMost(Duration.ofSeconds(30)).mode());

        // the disabled model's own bean fails: it has no fallback of its own, the selector never calls it
        Uni<AssistantReply> direct = llm.reply(LlmAssistantTest.turn(LlmAssistantTest.newConversation(), "hi"));
        assertThrows(RuntimeException.class, () -> direct.await().atMost(Duration.ofSeconds(30)));
    }
}
