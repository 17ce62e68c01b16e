package io.csc.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EmailsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "alice@example.com|alice@example.com",
            "' Alice.Johnson@Example.COM '|alice.johnson@example.com",
            "a+tag@sub.example.co.uk|a+tag@sub.example.co.uk",
            "o'brien@example.ie|o'brien@example.ie",
            "x@xn--exmple-cua.com|x@xn--exmple-cua.com"})
    void acceptsWhatWordPressAccepts(String raw, String expected) {
        assertEquals(expected, Emails.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "v1@exämple.com", "jörg@example.com", "alice", "alice@", "@example.com", "alice@localhost",
            "a@b@example.com", "alice@exa mple.com", "alice@-example.com", "alice@example-.com", "alice@example..com",
            "alice@example.com\u0000", "al\u0000ice@example.com", "alice@example.com\n", "ali ce@example.com",
            "\"alice\"@example.com", "alice@[127.0.0.1]", "alice@example_1.com"})
    void refusesTheRestWith400(String raw) {
        ApiException e = assertThrows(ApiException.class, () -> Emails.normalize(raw));
        assertEquals(400, e.status());
        assertEquals("invalid_email", e.code());
        assertFalse(Emails.isValid(raw));
    }

    @Test
    void refusesOverlongAddresses() {
        assertThrows(ApiException.class, () -> Emails.normalize("a".repeat(65) + "@example.com"));
        assertThrows(ApiException.class, () -> Emails.normalize("a@" + "b".repeat(60) + "." + "c".repeat(60) + "."
                + "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + ".com"));
    }

    @Test
    void optionalFieldsStayNull() {
        assertNull(Emails.normalizeOptional(null));
        assertNull(Emails.normalizeOptional("  "));
        assertThrows(ApiException.class, () -> Emails.normalizeOptional("v1@exämple.com"));
    }
}
