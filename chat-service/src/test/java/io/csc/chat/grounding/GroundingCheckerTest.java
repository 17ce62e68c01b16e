package io.csc.chat.grounding;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.csc.chat.tools.Fact;
import io.csc.chat.tools.ToolResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GroundingCheckerTest {

    /** What an order tool returned for order 1234 in this conversation. */
    private static final ToolResult ORDER_1234 = new ToolResult("orderStatus", ToolResult.Status.OK,
            "Order #1234 (placed 2026-11-20): processing. Total 59.90 USD. Ships to 12 Elm Street, Springfield.",
            null,
            List.of(new Fact("order_number", "1234"), new Fact("status", "processing"),
                    new Fact("date", "2026-11-20T09:15:00"), new Fact("total", "59.90"),
                    new Fact("tracking", "1Z999AA10123456784"), new Fact("address", "12 Elm Street, Springfield, IL 62704")),
            null, List.of());

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Your order #1234 is processing.                                                  | true
            Order 1234 is currently Processing and ships to 12 Elm St.                        | true
            It was placed on November 20, 2026 and the total was $59.90.                      | true
            Your order was placed on Nov 20th.                                                | true
            Your order from 20 November 2026 comes to 59.9 USD.                               | true
            The tracking number is 1Z999AA10123456784.                                        | true
            The tracking number for your order is 1Z-999-AA1-0123456784.                      | true
            We have the Blue Hoodie in stock for $45.00.                                      | true
            Happy to help with anything else!                                                 | true
            Once you confirm, order 1234 will be cancelled.                                   | true
            Would you like me to cancel order 1234?                                           | true
            Your order #1234 has shipped.                                                     | false
            Your order #1234 was cancelled.                                                   | false
            Your order 1234 is completed.                                                     | false
            Order 1234 is on hold.                                                            | false
            Your order #9876 is processing.                                                   | false
            It was placed on November 21, 2026.                                               | false
            Your order total was $61.00.                                                      | false
            Your order total was €59,95.                                                      | false
            The tracking number is 1Z999AA10123456785.                                        | false
            Your order ships to 14 Oak Avenue.                                                | false
            Your package is in transit.                                                       | false
            It was delivered on 11/22/2026.                                                   | false
            """)
    void reply_is_sent_only_when_every_order_fact_came_from_a_tool(String reply, boolean grounded) {
        Evidence evidence = Evidence.of(List.of(ORDER_1234));

        GroundingVerdict verdict = GroundingChecker.check(reply, evidence, List.of(ORDER_1234));

        assertEquals(!grounded, verdict.replaced(), () -> "ungrounded: " + verdict.ungrounded());
        assertEquals(grounded ? reply : ORDER_1234.text(), verdict.message());
    }

    @Test
    void the_shoppers_own_order_number_may_be_repeated_but_not_given_a_status() {
        Evidence evidence = new Evidence().addShopperText("where is my order 5555?");

        assertFalse(GroundingChecker.check("I can look up order #5555 once you give me the email used for it.",
                evidence, List.of()).replaced());
        GroundingVerdict invented = GroundingChecker.check("Your order #5555 has been delivered.", evidence, List.of());
        assertTrue(invented.replaced());
        assertTrue(invented.message().contains("look"), invented.message());
    }

    @Test
    void a_status_in_a_product_sentence_is_not_an_order_claim_and_a_fact_from_an_earlier_turn_grounds() {
        assertFalse(GroundingChecker.check("Processing time for custom prints is 3 days.", new Evidence(), List.of())
                .replaced());

        Evidence earlier = Evidence.of(List.of(ORDER_1234));
        Evidence now = new Evidence().addHashed(earlier.hashedKeys());
        assertFalse(GroundingChecker.check("As I said, order 1234 is processing.", now, List.of()).replaced());
        assertTrue(GroundingChecker.check("As I said, order 1234 is refunded.", now, List.of()).replaced());
    }

    @Test
    void completed_grounds_shipped_since_woocommerce_has_no_shipped_status() {
        ToolResult completed = new ToolResult("orderStatus", ToolResult.Status.OK, "Order 77: completed.", null,
                List.of(new Fact("order_number", "77"), new Fact("status", "completed")), null, List.of());

        assertFalse(GroundingChecker.check("Good news: order 77 has shipped.", Evidence.of(List.of(completed)),
                List.of(completed)).replaced());
    }

    @Test
    void hashed_evidence_does_not_contain_the_fact_itself() {
        Evidence e = Evidence.of(List.of(ORDER_1234));

        assertTrue(e.hashedKeys().stream().noneMatch(h -> h.contains("elm") || h.contains("1234")));
        assertEquals(32, e.hashedKeys().iterator().next().length());
    }
}
