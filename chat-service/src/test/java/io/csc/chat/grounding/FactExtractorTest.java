package io.csc.chat.grounding;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FactExtractorTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Your order #1234 is processing.                   | order_number:1234 status:processing
            Order number: 0042 was placed on 2026-03-04.       | order_number:42 date:2026-03-04
            It was placed on 03/04/2026 for your order.        | date:2026-03-04 date:2026-04-03
            Your order total is 1,234.50 EUR.                  | total:1234.50
            Your order total is €1.234,50.                     | total:1234.50
            The tracking number is 1Z999AA10123456784.         | tracking:1Z999AA10123456784
            It ships to 221B Baker Street.                     | address:221b baker st
            The order was canceled.                            | status:cancelled
            We sell 3 kinds of tea at $4.                      | ''
            """)
    void claims_are_normalized(String text, String expected) {
        List<Claim> claims = FactExtractor.claims(text);
        Set<String> keys = new java.util.LinkedHashSet<>();
        claims.forEach(c -> keys.addAll(c.keys()));

        assertEquals(expected.isEmpty() ? Set.of() : Set.of(expected.split(" (?=[a-z_]+:)")), keys);
    }
}
