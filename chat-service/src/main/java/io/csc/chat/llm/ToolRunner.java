package io.csc.chat.llm;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.tools.ToolResult;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Runs one of chat-core's tools for the model: with the server's turn context, blocking on a worker thread (the model's
 * tool loop is imperative), recording the result for the turn, and handing the model the result's text as data.
 */
@ApplicationScoped
public class ToolRunner {
    private final Duration toolTimeout;

    public ToolRunner(LlmConfig config) {
        this.toolTimeout = config.toolTimeout();
    }

    /**
     * @param modelTool the tool's name as the model knows it
     * @param call the chat-core tool call, given the server's turn context
     * @return the text the model reads
     */
    public String run(InvocationParameters params, String modelTool, Function<TurnContext, Uni<ToolResult>> call) {
        TurnScope scope = TurnScope.from(params);
        ToolResult result;
        try {
            Uni<ToolResult> uni = call.apply(scope.context());
            if (scope.vertxContext() != null) {
                // chat-core's tools are reactive (REST clients, Hibernate Reactive): subscribe on the request's context
                uni = uni.runSubscriptionOn(task -> scope.vertxContext().runOnContext(v -> task.run()));
            }
            result = uni.await().atMost(toolTimeout);
        } catch (RuntimeException e) {
            Log.warnf("Tool %s failed for the model (%s)", modelTool, e.getClass().getSimpleName());
            result = ToolResult.unavailable(modelTool);
        }
        if (result == null) {
            result = ToolResult.unavailable(modelTool);
        }
        scope.record(modelTool, result);
        // counted by chat-core's ToolCalls (chat_tool_calls), not here a second time
        return ToolResultFormat.forModel(result);
    }
}
