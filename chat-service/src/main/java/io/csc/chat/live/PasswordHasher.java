package io.csc.chat.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Operators' password hashes: Argon2id (BouncyCastle) with OWASP's parameters (19 MiB, 2 passes, 1 lane), a random
 * 16-byte salt, stored in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}) so the
 * parameters can be raised later without breaking stored hashes. Hashing takes tens of milliseconds of CPU: it runs on
 * a worker thread, and the answer comes back on the caller's Vert.x context. Comparison is constant-time; an unknown
 * login is checked against a dummy hash, so both answers take as long.
 */
@ApplicationScoped
public class PasswordHasher {
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;
    static final int PARALLELISM = 1;
    private static final Pattern PHC = Pattern
            .compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /** Verified against when the login is unknown: the same work, never a match. */
    private final String dummy = hashNow("not a password of anyone " + RANDOM.nextLong());

    public Uni<String> hash(String password) {
        return offLoop(() -> hashNow(password));
    }

    /** Whether {@code password} matches {@code stored}; a null {@code stored} (unknown login) does the same work. */
    public Uni<Boolean> verify(String password, String stored) {
        return offLoop(() -> {
            boolean known = stored != null;
            boolean ok = verifyNow(password, known ? stored : dummy);
            return known && ok;
        });
    }

    static String hashNow(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, 32);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    static boolean verifyNow(String password, String stored) {
        Matcher m = PHC.matcher(stored);
        if (!m.matches()) {
            return false;
        }
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, salt, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism,
            int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** Runs {@code work} on a worker thread and hands the result back on the caller's context (event loop or not). */
    static <T> Uni<T> offLoop(java.util.function.Supplier<T> work) {
        Context context = Vertx.currentContext();
        Uni<T> uni = Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return context == null ? uni : uni.emitOn(command -> context.runOnContext(v -> command.run()));
    }
}
