package io.csc.verification.crypto;

import java.lang.reflect.Proxy;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.csc.verification.config.VerificationConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class KeyedHasherTest {
    private static final String KEY = "unit-test-otp-hmac-key-0123456789abcdef";

    @Test
    void refusesAShortOrMissingKey() {
        assertThrows(IllegalStateException.class, () -> new KeyedHasher(config("too-short")));
        assertThrows(IllegalStateException.class, () -> new KeyedHasher(config(null)));
    }

    @Test
    void codeHashIsBoundToConversationStoreEmailAndKey() {
        KeyedHasher hasher = new KeyedHasher(config(KEY));
        String hash = hasher.codeHash("conv-1", "shop.example.com", "alice.johnson@example.com", "123456");
        assertEquals(hash, hasher.codeHash("conv-1", "shop.example.com", "alice.johnson@example.com", "123456"));
        assertNotEquals(hash, hasher.codeHash("conv-2", "shop.example.com", "alice.johnson@example.com", "123456"));
        assertNotEquals(hash, hasher.codeHash("conv-1", "other.example.com", "alice.johnson@example.com", "123456"));
        assertNotEquals(hash, hasher.codeHash("conv-1", "shop.example.com", "bob.smith@example.com", "123456"));
        assertNotEquals(hash, new KeyedHasher(config(KEY + "x")).codeHash("conv-1", "shop.example.com",
                "alice.johnson@example.com", "123456"));
        assertFalse(hash.contains("123456"));
    }

    @Test
    void emailPseudonymsDoNotShowTheEmailAndDifferPerStore() {
        KeyedHasher hasher = new KeyedHasher(config(KEY));
        String id = hasher.emailId("shop.example.com", "alice.johnson@example.com");
        assertEquals(32, id.length());
        assertFalse(id.contains("alice"));
        assertNotEquals(id, hasher.emailId("other.example.com", "alice.johnson@example.com"));
        assertEquals("alice.johnson@example.com", io.csc.web.Emails.normalize(" Alice.Johnson@Example.COM "));
    }

    /** Only {@code otp().hmacKey()} matters here; the mapping is an interface, so a proxy stands in for it. */
    private static VerificationConfig config(String key) {
        VerificationConfig.Otp otp = (VerificationConfig.Otp) Proxy.newProxyInstance(KeyedHasherTest.class.getClassLoader(),
                new Class<?>[]{VerificationConfig.Otp.class},
                (proxy, method, args) -> method.getName().equals("hmacKey") ? key : Duration.ZERO);
        return (VerificationConfig) Proxy.newProxyInstance(KeyedHasherTest.class.getClassLoader(),
                new Class<?>[]{VerificationConfig.class}, (proxy, method, args) -> otp);
    }
}
