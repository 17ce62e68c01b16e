package io.csc.verification.simple;

import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameMatcherTest {

    @Test
    void fullNameMatchesWhateverTheCaseSpacingOrAccents() {
        assertTrue(NameMatcher.matches("Alice Johnson", "Alice", "Johnson"));
        assertTrue(NameMatcher.matches("  alice   JOHNSON ", "Alice", "Johnson"));
        assertTrue(NameMatcher.matches("Johnson, Alice", "Alice", "Johnson"));
        assertTrue(NameMatcher.matches("Zoe Muller", "Zoë", "Müller"));
    }

    @Test
    void partialOrWrongNamesDoNotMatch() {
        assertFalse(NameMatcher.matches("Alice", "Alice", "Johnson"));
        assertFalse(NameMatcher.matches("Alice Smith", "Alice", "Johnson"));
        assertFalse(NameMatcher.matches("AliceJohnson", "Alice", "Johnson"));
        assertFalse(NameMatcher.matches("Alice", "Alice", ""));
        assertFalse(NameMatcher.matches(" ", "", ""));
        assertFalse(NameMatcher.matches(null, "Alice", "Johnson"));
    }

    @Test
    void orderNumbersParse() {
        assertEquals(OptionalLong.of(47), SimpleVerificationService.parseOrderId("47"));
        assertEquals(OptionalLong.of(47), SimpleVerificationService.parseOrderId(" # 47 "));
        assertEquals(OptionalLong.empty(), SimpleVerificationService.parseOrderId("ORD-47"));
        assertEquals(OptionalLong.empty(), SimpleVerificationService.parseOrderId("0"));
        assertEquals(OptionalLong.empty(), SimpleVerificationService.parseOrderId(null));
    }
}
