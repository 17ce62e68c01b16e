package io.csc.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UriGuardTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/carts/events|NONE",
            "/internal/carts/abc?domain=shop.test|NONE",
            "/x?q=caf%C3%A9%20au%20lait&y=%2F|NONE",
            "/x?domain=%ZZ|MALFORMED",
            "/x?domain=%|MALFORMED",
            "/x?domain=%4|MALFORMED",
            "/x?domain=%g0|MALFORMED",
            "/internal/carts/a%00b|CONTROL",
            "/x?domain=shop.test%00|CONTROL",
            "/x?domain=shop.test%0a|CONTROL",
            "/x?domain=shop.test%0D%0AX-Injected:1|CONTROL",
            "/x?domain=shop.test%7f|CONTROL",
            "/x?domain=shop.test%1F|CONTROL"})
    void classifiesRequestTargets(String uri, UriGuard.Problem expected) {
        assertEquals(expected, UriGuard.check(uri));
    }

    @org.junit.jupiter.api.Test
    void rawControlCharactersAreRefusedToo() {
        assertEquals(UriGuard.Problem.CONTROL, UriGuard.check("/a\u0000b"));
        assertEquals(UriGuard.Problem.CONTROL, UriGuard.check("/a\tb"));
    }
}
