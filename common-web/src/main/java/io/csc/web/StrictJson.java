package io.csc.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * JSON as every service reads it: a value of the wrong type is a 400, not a guess. Without this, Jackson turns
 * {@code "type": 1} into the second enum constant, {@code "quantity": "2"} or {@code 2.9} into 2, {@code 1} into
 * {@code true}; and a string may carry NUL, which PostgreSQL refuses with a 500. Applied to the injected
 * {@link ObjectMapper} of every service (server and REST clients) and to {@link SignedToken}'s own.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("csc-strict-json").addDeserializer(String.class, new TextDeserializer()));
        return mapper;
    }

    /**
     * Strings (and numbers, which are text too: ids may come as {@code 12} or {@code "12"}), never booleans, objects
     * or arrays; and no control character but tab and line breaks.
     */
    static final class TextDeserializer extends StdScalarDeserializer<String> {
        TextDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE || token == JsonToken.START_ARRAY
                    || token == JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, String.class, "Expected a string");
            }
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (Text.hasControlCharacter(value)) {
                // The value itself stays out of the message: it is personal data as often as not.
                throw new ControlCharacterException(p);
            }
            return value;
        }
    }

    /** A JSON string held a control character: 400 {@code invalid_characters}. */
    public static final class ControlCharacterException extends InvalidFormatException {
        private static final long serialVersionUID = 1L;

        ControlCharacterException(JsonParser p) {
            super(p, "Control character in a string", null, String.class);
        }
    }
}
