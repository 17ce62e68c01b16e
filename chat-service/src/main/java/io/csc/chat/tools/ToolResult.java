package io.csc.chat.tools;

import java.util.List;

import io.csc.chat.assistant.Source;
import io.csc.chat.assistant.Ui;

/**
 * What a tool answers. {@code text} is plain data, safe to show a shopper or give a model; {@code data} the structured
 * result (ProductSummary list, OrderSummary, ...); {@code facts} the order facts a reply may state (grounding).
 */
public record ToolResult(String tool, Status status, String text,
        Object data,
        List<Fact> facts,
        Ui ui, List<Source> sources) {

    public enum Status {
        OK, NOT_FOUND, VERIFICATION_REQUIRED, STEP_UP_REQUIRED, NOT_OWNED, CONFLICT, PENDING_CONFIRMATION, CONSENT_REQUIRED, UNAVAILABLE, INVALID
    }

    public static ToolResult of(String tool, Status status, String text) {
        return new ToolResult(tool, status, text, null, List.of(), null, List.of());
    }

    public static ToolResult ok(String tool, String text, Object data) {
        return new ToolResult(tool, Status.OK, text, data, List.of(), null, List.of());
    }

    public static ToolResult unavailable(String tool) {
        return of(tool, Status.UNAVAILABLE, "The store cannot be reached right now. Please try again in a few minutes.");
    }

    public boolean ok() {
        return status == Status.OK;
    }
}
