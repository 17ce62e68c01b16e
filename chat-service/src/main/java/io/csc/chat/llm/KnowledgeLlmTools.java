package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.KnowledgeTools;

/** The store's own pages (policies, shipping, payment, FAQ) for the model: public, no verification. */
@ApplicationScoped
public class KnowledgeLlmTools {
    private final KnowledgeTools knowledge;
    private final ToolRunner runner;

    public KnowledgeLlmTools(KnowledgeTools knowledge, ToolRunner runner) {
        this.knowledge = knowledge;
        this.runner = runner;
    }

    @Tool("Search the store's own pages (returns and refunds, shipping, payment methods, privacy, terms, FAQ, about) for "
            + "a question about the store. Answer only from the passages returned and say you don't know when none fits.")
    public String searchStoreKnowledge(@P("the shopper's question") String question, InvocationParameters params) {
        return runner.run(params, "searchStoreKnowledge", ctx -> knowledge.search(ctx, question));
    }
}
