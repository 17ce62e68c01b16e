package io.csc.chat.tools;

/** An order fact a reply may state: kind order_number|status|date|total|tracking|address, and its value. */
public record Fact(String kind, String value) {
}
