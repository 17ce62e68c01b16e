package io.csc.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TenantDomainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "shop.example.com|shop.example.com",
            "'  Shop.Example.COM '|shop.example.com",
            "localhost|localhost",
            "demo.localhost|demo.localhost",
            "localhost:8090|localhost:8090",
            "xn--exmple-cua.com|xn--exmple-cua.com",
            "a-b.c1|a-b.c1"})
    void normalizesHostNames(String raw, String expected) {
        assertEquals(expected, TenantDomain.normalize(raw));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "shop.test\u0000", "shop\u0000.test", "shop.test\n", "shop .test", "https://shop.test",
            "shop.test/path", "exämple.com", "-shop.test", "shop-.test", "shop..test", ".shop.test", "shop.test.",
            "shop.test:0", "shop.test:65536", "shop.test:", "shop.test:80:80", "shop.test:8o", "a@b.test", "shop_test.com",
            "shop.test?x", "%00"})
    void refusesEverythingElseWith400(String raw) {
        ApiException e = assertThrows(ApiException.class, () -> TenantDomain.normalize(raw));
        assertEquals(400, e.status());
        assertEquals("invalid_domain", e.code());
        assertFalse(TenantDomain.isValid(raw));
    }

    @org.junit.jupiter.api.Test
    void refusesOverlongNames() {
        String label = "a".repeat(63);
        String name = String.join(".", label, label, label, label) + ".com";
        assertThrows(ApiException.class, () -> TenantDomain.normalize(name));
        assertThrows(ApiException.class, () -> TenantDomain.normalize("a".repeat(64) + ".com"));
    }
}
