package io.csc.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StrictJsonTest {
    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper());

    enum Kind {
        @JsonProperty("first")
        FIRST, @JsonProperty("second")
        SECOND
    }

    record Body(Kind type, String name, long id, Long optionalId, int quantity, Boolean consent, List<String> tags,
            java.math.BigDecimal total) {
    }

    @Test
    void readsWellTypedBodies() throws Exception {
        Body body = JSON.readValue("""
                {"type":"second","name":"Hoodie \\"Blue\\"\\tline\\nnext","id":12,"optionalId":null,"quantity":2,
                 "consent":true,"tags":["a","b"]}""", Body.class);
        assertEquals(Kind.SECOND, body.type());
        assertEquals("Hoodie \"Blue\"\tline\nnext", body.name());
        assertEquals(12, body.id());
        assertEquals(List.of("a", "b"), body.tags());
        // A number is text too (ids come both ways), but it stays a string.
        assertEquals("47", JSON.readValue("{\"name\":47}", Body.class).name());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":1}",
            "{\"type\":\"1\"}",
            "{\"type\":\"third\"}",
            "{\"id\":\"abc\"}",
            "{\"id\":\"12\"}",
            "{\"id\":12.5}",
            "{\"optionalId\":\"12\"}",
            "{\"quantity\":2.9}",
            "{\"quantity\":\"2\"}",
            "{\"consent\":1}",
            "{\"consent\":\"true\"}",
            "{\"name\":true}",
            "{\"name\":{\"a\":1}}",
            "{\"name\":[\"a\"]}",
            "{\"name\":\"a\"} trailing",
            "{\"tags\":[true]}"})
    void refusesCoercions(String json) {
        assertThrows(JacksonException.class, () -> JSON.readValue(json, Body.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"a\\u0000b\"}",
            "{\"name\":\"\\u0000\"}",
            "{\"name\":\"bell\\u0007\"}",
            "{\"name\":\"del\\u007f\"}",
            "{\"tags\":[\"ok\",\"n\\u0000ul\"]}",
            "{\"type\":\"second\\u0000\"}",
            "{\"total\":\"1.00\\u0000\"}"})
    void refusesControlCharactersInStrings(String json) {
        JacksonException e = assertThrows(JacksonException.class, () -> JSON.readValue(json, Body.class));
        assertInstanceOf(StrictJson.ControlCharacterException.class, e);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"a\",\"name\":\"b\"}",
            "{\"tags\":[\"x\"],\"quantity\":1,\"quantity\":2}"})
    void refusesAKeyGivenTwice(String json) {
        assertInstanceOf(com.fasterxml.jackson.core.JsonParseException.class,
                assertThrows(JacksonException.class, () -> JSON.readValue(json, Body.class)));
    }

    @Test
    void refusesAKeyGivenTwiceInsideAnyObject() {
        // The signed and free-form parts of bodies are maps and trees: the parser refuses, whatever the target.
        assertThrows(com.fasterxml.jackson.core.JsonParseException.class,
                () -> JSON.readValue("{\"data\":{\"orderNumber\":1,\"orderNumber\":2}}", java.util.Map.class));
        assertThrows(com.fasterxml.jackson.core.JsonParseException.class,
                () -> JSON.readTree("{\"email\":\"a@x.test\",\"email\":\"b@x.test\"}"));
    }
}
