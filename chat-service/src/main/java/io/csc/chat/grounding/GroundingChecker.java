package io.csc.chat.grounding;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.csc.chat.tools.ToolResult;

/**
 * The grounded-reply rule in code: every order fact a model's reply states must be one a tool returned in this
 * conversation (or, for order numbers, one the shopper wrote). A reply that states any other is not sent: the shopper
 * gets a reply rendered from the turn's tool results instead.
 */
public final class GroundingChecker {

    private GroundingChecker() {
    }

    /**
     * @param reply the model's text
     * @param evidence what tools returned in this conversation and the order numbers the shopper wrote
     * @param turnResults the tool results of this turn, rendered when the reply is replaced
     */
    public static GroundingVerdict check(String reply, Evidence evidence, List<ToolResult> turnResults) {
        return check(reply, () -> evidence, turnResults);
    }

    /**
     * As {@link #check(String, Evidence, List)}, gathering the evidence only when the reply states an order fact at all
     * (most replies are about products and state none: they cost no evidence lookup).
     */
    public static GroundingVerdict check(String reply, Supplier<Evidence> evidence, List<ToolResult> turnResults) {
        List<Claim> claims = FactExtractor.claims(reply);
        if (claims.isEmpty()) {
            return new GroundingVerdict(reply, List.of());
        }
        Evidence known = evidence.get();
        List<Claim> ungrounded = claims.stream().filter(c -> !known.grounds(c)).toList();
        if (ungrounded.isEmpty()) {
            return new GroundingVerdict(reply, List.of());
        }
        return new GroundingVerdict(render(turnResults), ungrounded);
    }

    /** A reply made only of what the tools said (their texts are data, written to be shown to a shopper). */
    public static String render(List<ToolResult> turnResults) {
        String texts = turnResults.stream().map(ToolResult::text).filter(Objects::nonNull).map(String::strip)
                .filter(t -> !t.isEmpty()).distinct().collect(Collectors.joining("\n\n"));
        if (texts.isEmpty()) {
            return "I can only give order details that I have looked up in the store. Tell me your order number and the"
                    + " email address used for it, and I will check.";
        }
        return texts;
    }
}
