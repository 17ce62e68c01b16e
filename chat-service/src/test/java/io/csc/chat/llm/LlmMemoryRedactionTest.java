package io.csc.chat.llm;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model's memory keeps no email, code or street address, in any kind of message. */
class LlmMemoryRedactionTest {

    @Test
    void user_text_tool_arguments_and_tool_results_are_redacted() {
        var user = LlmMemoryStore.redact(UserMessage.from("I'm ann@example.com, order 1234, code 482913"));
        var call = LlmMemoryStore.redact(AiMessage.from(ToolExecutionRequest.builder().id("c1").name("verifyByOrder")
                .arguments("{\"email\":\"ann@example.com\",\"orderNumber\":1234}").build()));
        var result = LlmMemoryStore.redact(ToolExecutionResultMessage.from("c1", "orderStatus",
                "Order #1234: processing. Ships to 12 Elm Street, Springfield."));

        // (quarkus-langchain4j's JSON codec needs the CDI container: compare the messages' own text)
        String json = List.of(user, call, result).toString();
        assertFalse(json.contains("ann@example.com"), json);
        assertFalse(json.contains("482913"), json);
        assertFalse(json.contains("Elm Street"), json);
        // what the next turn needs stays: the order number, the tool call's shape and id
        assertTrue(((UserMessage) user).singleText().contains("order 1234"), json);
        ToolExecutionRequest redactedCall = ((AiMessage) call).toolExecutionRequests().get(0);
        assertEquals("c1", redactedCall.id());
        assertEquals("verifyByOrder", redactedCall.name());
        assertTrue(redactedCall.arguments().contains("\"orderNumber\":1234"), redactedCall.arguments());
        assertFalse(redactedCall.arguments().contains("ann@"), redactedCall.arguments());
        assertEquals("c1", ((ToolExecutionResultMessage) result).id());
    }
}
