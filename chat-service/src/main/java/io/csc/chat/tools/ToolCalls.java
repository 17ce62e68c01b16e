package io.csc.chat.tools;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.metrics.ChatMetrics;
import io.csc.web.ApiException;
import io.csc.web.client.ServiceRefusal;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * What every tool call shares: a failure of a called service becomes an UNAVAILABLE result with a polite text (never
 * an exception a model or shopper would see), and each call is counted by tool and outcome.
 */
@ApplicationScoped
public class ToolCalls {
    private final ChatMetrics metrics;

    public ToolCalls(ChatMetrics metrics) {
        this.metrics = metrics;
    }

    public Uni<ToolResult> run(String tool, Uni<ToolResult> call) {
        return call.onFailure().recoverWithItem(e -> {
            if (e instanceof ServiceRefusal r && r.status() == 404 && "tenant_not_found".equals(r.code())) {
                return ToolResult.of(tool, ToolResult.Status.UNAVAILABLE, "This store is not set up for chat yet.");
            }
            if (!(e instanceof ServiceRefusal) && !(e instanceof ApiException)) {
                Log.warnf("Tool %s failed: %s", tool, e.getClass().getSimpleName());
            }
            return ToolResult.unavailable(tool);
        }).invoke(r -> metrics.toolCall(tool, r.status().name().toLowerCase(java.util.Locale.ROOT)));
    }
}
