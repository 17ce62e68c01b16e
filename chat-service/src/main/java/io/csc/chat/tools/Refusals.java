package io.csc.chat.tools;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Ui;
import io.csc.chat.gate.Gate.Access;
import io.csc.chat.gate.Gate.Level;
import io.csc.chat.metrics.ChatMetrics;

/** The gate's refusals as tool results, each counted. Texts never say whether an order exists. */
@ApplicationScoped
public class Refusals {
    private final ChatMetrics metrics;

    public Refusals(ChatMetrics metrics) {
        this.metrics = metrics;
    }

    /** The refusal a tool answers when {@code access} is not enough, counted; null when access suffices. */
    ToolResult refuseRead(String tool, Access access, long orderId) {
        if (access.mayRead(orderId)) {
            return null;
        }
        return access.level() == Level.NONE ? verificationRequired(tool) : stepUp(tool, "see that order");
    }

    ToolResult refuseStrong(String tool, Access access, String what) {
        if (access.strong()) {
            return null;
        }
        return access.level() == Level.NONE ? verificationRequired(tool) : stepUp(tool, what);
    }

    ToolResult verificationRequired(String tool) {
        metrics.gateRefusal("verification_required");
        return new ToolResult(tool, ToolResult.Status.VERIFICATION_REQUIRED,
                "To access your order information, please provide your email address.", null, List.of(),
                Ui.askEmail(), List.of());
    }

    ToolResult stepUp(String tool, String what) {
        metrics.gateRefusal("step_up");
        return ToolResult.of(tool, ToolResult.Status.STEP_UP_REQUIRED,
                "To " + what
                        + ", I first need to confirm your email address with a one-time code. Shall I send a code to your email?");
    }

    /** Another customer's order, or no order with that number: never told apart. */
    ToolResult notOwned(String tool) {
        metrics.gateRefusal("not_owned");
        return ToolResult.of(tool, ToolResult.Status.NOT_OWNED,
                "I can't find that order for the email address you verified. Please check the order number.");
    }
}
