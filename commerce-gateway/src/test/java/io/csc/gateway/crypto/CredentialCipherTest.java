package io.csc.gateway.crypto;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialCipherTest {
    private static final String KEY_A = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final String KEY_B = "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB";
    private static final String CTX = "tenant:shop.test:consumer_secret";

    @Test
    void sealsAndOpensWithAFreshIvEachTime() {
        CredentialCipher cipher = new CredentialCipher(KEY_A, List.of());
        String first = cipher.encrypt("cs_secret", CTX);
        String second = cipher.encrypt("cs_secret", CTX);
        assertNotEquals(first, second, "same plaintext must not give the same ciphertext");
        assertFalse(first.contains("cs_secret"));
        assertTrue(first.startsWith("v1." + cipher.currentKeyId() + "."));
        assertEquals("cs_secret", cipher.decrypt(first, CTX));
    }

    @Test
    void refusesTamperedCiphertext() {
        CredentialCipher cipher = new CredentialCipher(KEY_A, List.of());
        String sealed = cipher.encrypt("cs_secret", CTX);
        String[] parts = sealed.split("\\.");
        char flipped = parts[3].charAt(0) == 'A' ? 'B' : 'A';
        String tampered = parts[0] + "." + parts[1] + "." + parts[2] + "." + flipped + parts[3].substring(1);
        assertThrows(CredentialCipher.CredentialException.class, () -> cipher.decrypt(tampered, CTX));
        assertThrows(CredentialCipher.CredentialException.class, () -> cipher.decrypt("not-a-ciphertext", CTX));
    }

    @Test
    void aValueDoesNotOpenForAnotherTenantOrField() {
        CredentialCipher cipher = new CredentialCipher(KEY_A, List.of());
        String sealed = cipher.encrypt("cs_secret", CTX);
        assertThrows(CredentialCipher.CredentialException.class,
                () -> cipher.decrypt(sealed, "tenant:other.test:consumer_secret"));
        assertThrows(CredentialCipher.CredentialException.class, () -> cipher.decrypt(sealed, "tenant:shop.test:consumer_key"));
    }

    @Test
    void theWrongKeyCannotOpenAValue() {
        String sealed = new CredentialCipher(KEY_A, List.of()).encrypt("cs_secret", CTX);
        CredentialCipher other = new CredentialCipher(KEY_B, List.of());
        CredentialCipher.CredentialException e = assertThrows(CredentialCipher.CredentialException.class,
                () -> other.decrypt(sealed, CTX));
        assertTrue(e.getMessage().contains("ENCRYPTION_KEYS_PREVIOUS"), e.getMessage());
    }

    @Test
    void rotationOpensOldValuesAndSealsNewOnesWithTheCurrentKey() {
        String old = new CredentialCipher(KEY_A, List.of()).encrypt("cs_secret", CTX);
        CredentialCipher rotated = new CredentialCipher(KEY_B, List.of(KEY_A));
        assertEquals("cs_secret", rotated.decrypt(old, CTX));
        assertTrue(rotated.needsRotation(old));
        String resealed = rotated.encrypt(rotated.decrypt(old, CTX), CTX);
        assertFalse(rotated.needsRotation(resealed));
        assertThrows(CredentialCipher.CredentialException.class,
                () -> new CredentialCipher(KEY_A, List.of()).decrypt(resealed, CTX));
    }

    @Test
    void refusesMissingOrMalformedKeysWithAClearMessage() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> new CredentialCipher(null, List.of()));
        assertTrue(missing.getMessage().contains("ENCRYPTION_KEY"));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new CredentialCipher(KEY_A.substring(1), List.of()));
        assertTrue(shortKey.getMessage().contains("exactly 32"), shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new CredentialCipher(KEY_A + "x", List.of()));
        // 32 characters but more than 32 bytes is not an AES-256 key either.
        assertThrows(IllegalArgumentException.class, () -> new CredentialCipher("é" + KEY_A.substring(1), List.of()));
    }
}
