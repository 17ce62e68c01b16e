package io.csc.chat.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The greeting of a new or resumed conversation; {@code abandonedCart} when it is the abandoned-cart prompt. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StartResponse(String message,
        @JsonProperty("conversation_id") String conversationId,
        boolean verified,
        boolean resumed,
        boolean abandonedCart) {
}
