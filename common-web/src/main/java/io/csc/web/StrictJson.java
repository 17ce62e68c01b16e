package io.csc.web;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
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
 * {@code true}; a string may carry NUL, which PostgreSQL refuses with a 500; and of a key given twice the last one
 * wins, so a signature check or a filter may read one value while the service acts on another. Applied to the injected
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
        // A key twice in one object is a JsonParseException, hence 400 invalid_json, whatever the target type.
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("csc-strict-json").addDeserializer(String.class, new TextDeserializer());
        // Other values read from JSON text (dates, numbers as text, enums) get the same check: InstantDeserializer
        // trims, so a NUL would otherwise slip through as whitespace.
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                // Objects are left alone (their string fields are checked one by one); scalars read from text are wrapped.
                return deserializer instanceof TextDeserializer || deserializer instanceof BeanDeserializerBase
                        ? deserializer
                        : new TextCheckingDeserializer(deserializer);
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                    BeanDescription description, JsonDeserializer<?> deserializer) {
                return new TextCheckingDeserializer(deserializer);
            }
        });
        mapper.registerModule(module);
        return mapper;
    }

    /** Refuses a JSON string with a control character before the wrapped deserializer reads it. */
    static final class TextCheckingDeserializer extends DelegatingDeserializer {
        private static final long serialVersionUID = 1L;

        TextCheckingDeserializer(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new TextCheckingDeserializer(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING && Text.hasControlCharacter(p.getText())) {
                throw new ControlCharacterException(p);
            }
            return super.deserialize(p, ctxt);
        }
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
