package io.csc.chat.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.csc.chat.assistant.PageContext;
import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.TurnContext;

/**
 * The few facts about the shopper's page that help the model, for its system message. Only server-checked facts and
 * enumerations: free text from the browser (names, notes) is left out, so it cannot carry instructions.
 */
final class ShopperHints {

    private ShopperHints() {
    }

    static String describe(TurnContext ctx) {
        List<String> lines = new ArrayList<>();
        lines.add(ctx.identityEmail() != null
                ? "- The shopper is signed in to the store (verified by the store; no need to ask for their email)."
                : "- The shopper is not signed in.");
        ShopperContext shopper = ctx.shopper();
        PageContext page = shopper == null ? null : shopper.page();
        if (page != null && page.type() != null && page.type().matches("product|cart|checkout|other")) {
            lines.add("- They are on a " + page.type() + " page"
                    + (page.productId() != null ? " (product id " + page.productId() + ")" : "") + ".");
        }
        Map<String, Object> cart = shopper == null ? null : shopper.cartData();
        if (cart != null && cart.get("itemCount") instanceof Number n) {
            lines.add("- Their cart has " + n.intValue() + " item(s) (use cartSummary for details).");
        }
        if (ctx.locale() != null && ctx.locale().matches("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*")) {
            lines.add("- Their browser language: " + ctx.locale() + ".");
        }
        return String.join("\n", lines);
    }
}
