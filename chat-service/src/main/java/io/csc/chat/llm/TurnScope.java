package io.csc.chat.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.tools.ToolResult;
import io.vertx.core.Context;

/**
 * One turn as the model's tools see it: the server's {@link TurnContext} (conversation, store, identity) and the
 * results the tools produced, collected for grounding and for the reply's ui, sources and requiresVerification.
 * <p>
 * It travels in the AI service call's {@link InvocationParameters}, which quarkus-langchain4j leaves out of the tool
 * schemas sent to the model: the model can neither see nor fill it. While the model works on the turn it is also
 * registered under its conversation id, where {@link SystemPrompt} (which quarkus-langchain4j asks by memory id only)
 * finds it.
 */
public final class TurnScope {
    static final String KEY = "csc.turn";
    private static final Map<String, TurnScope> ACTIVE = new ConcurrentHashMap<>();
    /** Tools that read or change a verified shopper's data; a turn in which one ran is checked before it is sent. */
    static final Set<String> PRIVATE_TOOLS = Set.of("verifyByOrder", "sendVerificationCode", "verifyCode", "orderStatus",
            "recentOrders", "trackOrder", "requestCancellation", "requestAddressChange", "requestRefund");

    private final TurnContext context;
    /** The Vert.x context of the HTTP request: chat-core's tools run their reactive calls there. */
    private final Context vertxContext;
    private final List<ToolResult> results = new ArrayList<>();
    private volatile boolean privateToolRan;
    private String systemPrompt;

    TurnScope(TurnContext context, Context vertxContext) {
        this.context = context;
        this.vertxContext = vertxContext;
    }

    InvocationParameters toParameters() {
        InvocationParameters params = new InvocationParameters();
        params.put(KEY, this);
        return params;
    }

    /** Registers this turn under its conversation id until {@link #close()}; the latest turn of a conversation wins. */
    TurnScope open() {
        ACTIVE.put(context.conversationId(), this);
        return this;
    }

    void close() {
        ACTIVE.remove(context.conversationId(), this);
    }

    /** The turn the model is working on in this conversation, or null. */
    static TurnScope active(Object conversationId) {
        return conversationId == null ? null : ACTIVE.get(conversationId.toString());
    }

    /** This turn's system message, rendered once for all the model calls of the turn. */
    synchronized String systemPrompt() {
        if (systemPrompt == null) {
            systemPrompt = SystemPrompt.render(context);
        }
        return systemPrompt;
    }

    static TurnScope from(InvocationParameters params) {
        TurnScope scope = params == null ? null : params.get(KEY);
        if (scope == null) {
            // only our own LlmAssistant calls the AI service, always with a scope: anything else is a wiring fault
            throw new IllegalStateException("tool called outside a chat turn");
        }
        return scope;
    }

    public TurnContext context() {
        return context;
    }

    Context vertxContext() {
        return vertxContext;
    }

    synchronized void record(String modelTool, ToolResult result) {
        results.add(result);
        if (PRIVATE_TOOLS.contains(modelTool)) {
            privateToolRan = true;
        }
    }

    public synchronized List<ToolResult> results() {
        return List.copyOf(results);
    }

    public boolean privateToolRan() {
        return privateToolRan;
    }
}
