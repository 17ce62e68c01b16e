package io.csc.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and constant-time comparison, the two primitives every signature here is made of. */
public final class Hmac {
    private Hmac() {
    }

    public static byte[] sha256(String secret, byte[] data) {
        return sha256(secret.getBytes(StandardCharsets.UTF_8), data);
    }

    /** Under a raw key: a derived key is 32 bytes of any value, not text. */
    public static byte[] sha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static String sha256Hex(String secret, String data) {
        return sha256Hex(secret.getBytes(StandardCharsets.UTF_8), data);
    }

    public static String sha256Hex(byte[] key, String data) {
        return HexFormat.of().formatHex(sha256(key, data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Compares without leaking, through timing, how much of a guess was right. Null never equals anything. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
