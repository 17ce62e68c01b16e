package io.csc.chat.live;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BusinessHoursTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    final BusinessHours hours = BusinessHours.parse(Map.of("mon", List.of(List.of("09:00", "17:00")), "sat",
            List.of(List.of("10:00", "12:00"), List.of("22:00", "24:00"))));

    private boolean openAt(String utc) {
        return hours.isOpen(Instant.parse(utc).atZone(NEW_YORK));
    }

    @Test
    void rangesAreReadInTheStoresZone() {
        // Monday 2 March 2026, New York on EST (UTC-5): 09:00 local is 14:00 UTC
        assertFalse(openAt("2026-03-02T13:59:00Z"));
        assertTrue(openAt("2026-03-02T14:00:00Z"));
        assertTrue(openAt("2026-03-02T21:59:00Z"));
        assertFalse(openAt("2026-03-02T22:00:00Z"), "the end is exclusive");
        // Monday 13 July 2026, EDT (UTC-4): 09:00 local is 13:00 UTC
        assertTrue(openAt("2026-07-13T13:00:00Z"));
        assertFalse(openAt("2026-07-13T21:30:00Z"));
        // Saturday 7 March 2026 23:30 local (24:00 ends the day) and Tuesday: closed
        assertTrue(openAt("2026-03-08T04:30:00Z"));
        assertFalse(openAt("2026-03-03T15:00:00Z"));
    }

    @Test
    void malformedRangesAreRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class,
                () -> BusinessHours.parse(Map.of("mon", List.of(List.of("17:00", "09:00")))));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse(Map.of("mon", List.of(List.of("9", "17")))));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse(Map.of("funday", List.of())));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.parse(List.of()));
        assertEquals(List.of(List.of("09:00", "17:00")), BusinessHours.officeHours().toJson().get("fri"));
        assertEquals(List.of(List.of("22:00", "24:00")).get(0), hours.toJson().get("sat").get(1));
    }

    @Test
    void aHashIsNotThePasswordAndVerifiesOnlyThePassword() {
        String hash = PasswordHasher.hashNow("correct horse battery staple");
        assertFalse(hash.contains("correct horse"));
        assertTrue(PasswordHasher.verifyNow("correct horse battery staple", hash));
        assertFalse(PasswordHasher.verifyNow("correct horse battery stapler", hash));
        assertFalse(hash.equals(PasswordHasher.hashNow("correct horse battery staple")), "a random salt per hash");
    }
}
