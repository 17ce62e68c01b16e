package io.csc.chat.assistant;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A pending action the widget offers as a button: its id goes back in the next request's {@code confirm}.
 * {@code decline} labels the other button when the widget's own ("No, keep it") would not fit, as for the consent
 * question.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Confirm(String id, String label, String decline) {
    public Confirm(String id, String label) {
        this(id, label, null);
    }
}
