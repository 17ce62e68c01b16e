package io.csc.chat.assistant;

/** A pending action the widget offers as a button: its id goes back in the next request's {@code confirm}. */
public record Confirm(String id, String label) {
}
