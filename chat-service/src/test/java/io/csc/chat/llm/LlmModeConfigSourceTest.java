package io.csc.chat.llm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlmModeConfigSourceTest {

    @Test
    void an_api_key_switches_the_openai_integration_on_above_application_properties_and_below_the_environment() {
        LlmModeConfigSource source = new LlmModeConfigSource("sk-test");

        assertEquals("true", source.getValue("quarkus.langchain4j.openai.enable-integration"));
        assertTrue(source.getOrdinal() > 250 && source.getOrdinal() < 300);
    }

    @Test
    void no_key_or_a_blank_key_leaves_it_off() {
        assertNull(new LlmModeConfigSource(null).getValue("quarkus.langchain4j.openai.enable-integration"));
        assertNull(new LlmModeConfigSource("  ").getValue("quarkus.langchain4j.openai.enable-integration"));
        assertTrue(new LlmModeConfigSource("").getPropertyNames().isEmpty());
    }
}
