package io.csc.gateway.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tenant secrets at rest. Each value gets a fresh 96-bit IV and carries the id of the key that
 * sealed it ({@code v1.<keyId>.<iv>.<ciphertext+tag>}), so keys can be rotated: the current key seals, the current and
 * previous keys open. The context (tenant and field) is bound as associated data, so a ciphertext copied to another
 * tenant or field does not open.
 */
public final class CredentialCipher {
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final SecureRandom random = new SecureRandom();
    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException with a message fit for an operator when a key is missing or not 32 characters
     */
    public CredentialCipher(String currentKey, List<String> previousKeys) {
        this.currentKeyId = add(currentKey, "ENCRYPTION_KEY");
        for (String previous : previousKeys) {
            add(previous, "ENCRYPTION_KEYS_PREVIOUS");
        }
    }

    private String add(String key, String variable) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException(variable + " is not set: it must be exactly 32 characters");
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (key.length() != 32 || bytes.length != 32) {
            throw new IllegalArgumentException(variable + " must be exactly 32 ASCII characters (got " + key.length() + ")");
        }
        String id = keyId(bytes);
        keys.putIfAbsent(id, new SecretKeySpec(bytes, "AES"));
        return id;
    }

    /** Short public fingerprint of a key: lets a ciphertext name its key without revealing anything about it. */
    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    public String encrypt(String plaintext, String context) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1." + currentKeyId + "." + B64.encodeToString(iv) + "." + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * @throws CredentialException when the value is malformed, sealed with an unknown key, tampered with, or belongs to
     *         another context
     */
    public String decrypt(String ciphertext, String context) {
        String[] parts = ciphertext == null ? new String[0] : ciphertext.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            throw new CredentialException("Stored credential has an unknown format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new CredentialException("Stored credential was sealed with a key that is not configured (key id "
                    + parts[1] + "): add it to ENCRYPTION_KEYS_PREVIOUS");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, B64D.decode(parts[2])));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(B64D.decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new CredentialException("Stored credential failed its integrity check");
        }
    }

    /** True when the value was sealed with an older key and should be sealed again. */
    public boolean needsRotation(String ciphertext) {
        String[] parts = ciphertext.split("\\.");
        return parts.length == 4 && !currentKeyId.equals(parts[1]);
    }

    public static class CredentialException extends RuntimeException {
        public CredentialException(String message) {
            super(message, null, false, false);
        }
    }
}
