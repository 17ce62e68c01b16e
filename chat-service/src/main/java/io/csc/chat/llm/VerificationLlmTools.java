package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.VerificationTools;

/**
 * Proving who the shopper is. The grant is kept by verification-service for this conversation only; the model passes
 * what the shopper typed and learns only whether it worked.
 */
@ApplicationScoped
public class VerificationLlmTools {
    private final VerificationTools verification;
    private final ToolRunner runner;

    public VerificationLlmTools(VerificationTools verification, ToolRunner runner) {
        this.verification = verification;
        this.runner = runner;
    }

    @Tool("Verify the shopper with the email address and the order number they gave (lets them read that order).")
    public String verifyByOrder(
            @P("the email address the shopper gave; empty to use the one this conversation already verified") String email,
            @P("the order number the shopper gave") long orderNumber, InvocationParameters params) {
        return runner.run(params, "verifyByOrder", ctx -> verification.startSimple(ctx, email, orderNumber));
    }

    @Tool("Email a one-time code to the shopper's address (needed to list orders or change, cancel or refund an order).")
    public String sendVerificationCode(
            @P("the email address the shopper gave; empty to use the one this conversation already verified") String email,
            InvocationParameters params) {
        return runner.run(params, "sendVerificationCode", ctx -> verification.sendCode(ctx, email));
    }

    @Tool("Check the one-time code the shopper received by email.")
    public String verifyCode(@P("the code the shopper typed") String code, InvocationParameters params) {
        return runner.run(params, "verifyCode", ctx -> verification.verifyCode(ctx, null, code));
    }
}
