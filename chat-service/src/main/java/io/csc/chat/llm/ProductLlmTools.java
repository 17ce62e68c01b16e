package io.csc.chat.llm;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.invocation.InvocationParameters;
import io.csc.chat.tools.ProductTools;

/** Public product data for the model: anyone may ask, no verification. */
@ApplicationScoped
public class ProductLlmTools {
    private final ProductTools products;
    private final ToolRunner runner;

    public ProductLlmTools(ProductTools products, ToolRunner runner) {
        this.products = products;
        this.runner = runner;
    }

    @Tool("Search the store's products by words the shopper used (name, kind, colour, SKU). Returns names, prices, stock.")
    public String searchProducts(@P("what the shopper is looking for") String query, InvocationParameters params) {
        return runner.run(params, "searchProducts", ctx -> products.search(ctx, query));
    }

    @Tool("Details of one product (description, price, attributes, stock) by its product id from a search result.")
    public String productDetails(@P("the product id") long productId, InvocationParameters params) {
        return runner.run(params, "productDetails", ctx -> products.details(ctx, productId));
    }

    @Tool("Whether a product is in stock and how many are left, by product name or SKU.")
    public String checkStock(@P("the product's name or SKU") String productNameOrSku, InvocationParameters params) {
        return runner.run(params, "checkStock", ctx -> products.stock(ctx, productNameOrSku));
    }
}
