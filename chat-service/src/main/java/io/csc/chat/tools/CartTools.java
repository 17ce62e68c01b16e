package io.csc.chat.tools;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.CartClient;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.smallrye.mutiny.Uni;

/** The session's cart as cart-service knows it (reported by the store's plugin, not by the browser). */
@ApplicationScoped
public class CartTools {
    private final CartClient carts;
    private final ToolCalls calls;

    public CartTools(CartClient carts, ToolCalls calls) {
        this.carts = carts;
        this.calls = calls;
    }

    public Uni<ToolResult> summary(TurnContext ctx) {
        String tool = "summary";
        return calls.run(tool, carts.cart(ctx.domain(), ctx.sessionId()).map(cart -> {
            Language lang = ctx.language();
            if (cart.isEmpty() || !cart.get().hasItems()) {
                return new ToolResult(tool, ToolResult.Status.OK, ReplyCatalog.text(lang, "cart.empty"), cart.orElse(null),
                        List.of(), null, List.of());
            }
            var c = cart.get();
            String items = c.cartItems() == null
                    ? ""
                    : c.cartItems().stream()
                            .map(i -> i.quantity() + " x " + i.name()).collect(Collectors.joining(", "));
            String text = ReplyCatalog.text(lang, c.itemCount() == 1 ? "cart.items.one" : "cart.items.many",
                    Map.of("count", c.itemCount()))
                    + (c.cartTotal() == null
                            ? ""
                            : " " + ReplyCatalog.text(lang, "cart.total", Map.of("total",
                                    (c.cartCurrency() == null ? "" : c.cartCurrency() + " ") + c.cartTotal())))
                    + (items.isEmpty() ? "." : ": " + items + ".");
            return new ToolResult(tool, ToolResult.Status.OK, text, c, List.of(), null, List.of());
        }));
    }
}
