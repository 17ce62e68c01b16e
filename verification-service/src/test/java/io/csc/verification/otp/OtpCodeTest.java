package io.csc.verification.otp;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OtpCodeTest {

    @Test
    void codesAreSixDigitsAndSpreadOverTheWholeRange() {
        Set<String> seen = new HashSet<>();
        boolean leadingZero = false;
        for (int i = 0; i < 5000; i++) {
            String code = OtpService.newCode();
            assertTrue(code.matches("[0-9]{6}"), code);
            leadingZero |= code.startsWith("0");
            seen.add(code);
        }
        assertTrue(seen.size() > 4900, "codes repeat too often: " + seen.size());
        assertTrue(leadingZero, "leading zeros are kept");
    }
}
