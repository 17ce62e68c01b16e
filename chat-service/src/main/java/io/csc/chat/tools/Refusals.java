package io.csc.chat.tools;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.Ui;
import io.csc.chat.gate.Gate.Access;
import io.csc.chat.gate.Gate.Level;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;

/** The gate's refusals as tool results, each counted. Texts never say whether an order exists. */
@ApplicationScoped
public class Refusals {
    private final ChatMetrics metrics;

    public Refusals(ChatMetrics metrics) {
        this.metrics = metrics;
    }

    /** The refusal a tool answers when {@code access} is not enough, counted; null when access suffices. */
    /** What a step-up is for; its sentence is {@code stepup.<key>} in the reply catalogue. */
    enum Purpose {
        SEE("see"), LIST("list"), CANCEL("cancel"), ADDRESS("address"), REFUND("refund");

        final String key;

        Purpose(String key) {
            this.key = "stepup." + key;
        }
    }

    ToolResult refuseRead(String tool, Access access, long orderId, Language lang) {
        if (access.mayRead(orderId)) {
            return null;
        }
        return access.level() == Level.NONE ? verificationRequired(tool, lang) : stepUp(tool, Purpose.SEE, lang);
    }

    ToolResult refuseStrong(String tool, Access access, Purpose what, Language lang) {
        if (access.strong()) {
            return null;
        }
        return access.level() == Level.NONE ? verificationRequired(tool, lang) : stepUp(tool, what, lang);
    }

    ToolResult verificationRequired(String tool, Language lang) {
        metrics.gateRefusal("verification_required");
        return new ToolResult(tool, ToolResult.Status.VERIFICATION_REQUIRED, ReplyCatalog.text(lang, "ask.email"), null,
                List.of(), Ui.askEmail(), List.of());
    }

    ToolResult stepUp(String tool, Purpose what, Language lang) {
        metrics.gateRefusal("step_up");
        return ToolResult.of(tool, ToolResult.Status.STEP_UP_REQUIRED, ReplyCatalog.text(lang, what.key));
    }

    /** Another customer's order, or no order with that number: never told apart. */
    ToolResult notOwned(String tool, Language lang) {
        metrics.gateRefusal("not_owned");
        return ToolResult.of(tool, ToolResult.Status.NOT_OWNED, ReplyCatalog.text(lang, "order.not.found"));
    }
}
