package io.csc.verification.otp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Codes in Redis, as hashes only: {@code ver:otp:<conversation>} holds the current code of a conversation (email
 * pseudonym {@code eh}, code hash {@code h}, wrong {@code tries}, expiry {@code exp} in epoch millis), so a conversation
 * has at most one live code and a new code replaces the old one. {@code ver:otp-cool:<eh>} holds until when no new
 * code may be sent to that email. Expiry is decided against the service clock; the Redis TTL only cleans up.
 * Check-and-count runs as one Lua script, so concurrent guesses cannot exceed the allowed tries.
 */
@ApplicationScoped
public class OtpStore {
    public static final String CODE_PREFIX = "ver:otp:";
    public static final String COOLDOWN_PREFIX = "ver:otp-cool:";
    /** Keys outlive their logical expiry a little, so a clock slightly ahead of Redis still finds them. */
    private static final long TTL_SLACK_MS = 60_000;

    private static final String SAVE = """
            redis.call('DEL', KEYS[1])
            redis.call('HSET', KEYS[1], 'eh', ARGV[1], 'h', ARGV[2], 'tries', '0', 'exp', ARGV[3])
            redis.call('PEXPIRE', KEYS[1], ARGV[4])
            return 1
            """;

    /** Answers {status, attemptsLeft}: 1 verified, 0 wrong, -1 no code for this email, -2 expired, -3 locked. */
    private static final String CHECK = """
            local v = redis.call('HMGET', KEYS[1], 'eh', 'h', 'tries', 'exp')
            if not v[1] or v[1] ~= ARGV[1] then return {-1, 0} end
            if tonumber(v[4]) <= tonumber(ARGV[3]) then redis.call('DEL', KEYS[1]) return {-2, 0} end
            local max = tonumber(ARGV[4])
            local tries = tonumber(v[3])
            if tries >= max then return {-3, 0} end
            if v[2] == ARGV[2] then redis.call('DEL', KEYS[1]) return {1, max - tries} end
            tries = redis.call('HINCRBY', KEYS[1], 'tries', 1)
            return {0, max - tries}
            """;

    /** Answers 0 and starts the cooldown, or the milliseconds the running cooldown still has. */
    private static final String CLAIM_COOLDOWN = """
            local v = redis.call('GET', KEYS[1])
            if v and tonumber(v) > tonumber(ARGV[1]) then return tonumber(v) - tonumber(ARGV[1]) end
            redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            return 0
            """;

    public enum Status {
        VERIFIED, WRONG, NO_CODE, EXPIRED, LOCKED
    }

    public record Check(Status status, int attemptsLeft) {
    }

    /** A pending code as exported for its owner: which conversation, and until when. Never the hash. */
    public record Pending(String conversationId, Instant expiresAt) {
    }

    private final ReactiveRedisDataSource redis;

    public OtpStore(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    public Uni<Void> save(String conversationId, String emailId, String codeHash, Instant expiresAt, Duration validity) {
        return eval(SAVE, List.of(CODE_PREFIX + conversationId), emailId, codeHash,
                Long.toString(expiresAt.toEpochMilli()), Long.toString(validity.toMillis() + TTL_SLACK_MS))
                .replaceWithVoid();
    }

    public Uni<Check> check(String conversationId, String emailId, String codeHash, Instant now, int maxAttempts) {
        return eval(CHECK, List.of(CODE_PREFIX + conversationId), emailId, codeHash,
                Long.toString(now.toEpochMilli()), Integer.toString(maxAttempts)).map(r -> {
                    int status = r.get(0).toInteger();
                    int left = Math.max(0, r.get(1).toInteger());
                    return new Check(switch (status) {
                        case 1 -> Status.VERIFIED;
                        case 0 -> Status.WRONG;
                        case -2 -> Status.EXPIRED;
                        case -3 -> Status.LOCKED;
                        default -> Status.NO_CODE;
                    }, left);
                });
    }

    /**
     * The resend cooldown is per conversation and email: a shopper who opens another chat (a new tab, a new device) can
     * get a code there at once, while the per-email hourly cap still bounds the mail one address receives.
     */
    static String cooldownKey(String emailId, String conversationId) {
        return COOLDOWN_PREFIX + emailId + ":" + conversationId;
    }

    /**
     * Starts the resend cooldown of an email in a conversation; answers 0, or the milliseconds left of a running one
     * (nothing changed).
     */
    public Uni<Long> claimCooldown(String emailId, String conversationId, Instant now, Duration cooldown) {
        return eval(CLAIM_COOLDOWN, List.of(cooldownKey(emailId, conversationId)), Long.toString(now.toEpochMilli()),
                Long.toString(now.plus(cooldown).toEpochMilli()), Long.toString(cooldown.toMillis() + TTL_SLACK_MS))
                .map(Response::toLong);
    }

    /** Milliseconds left of the email's cooldown in this conversation (0 when none). */
    public Uni<Long> cooldownLeft(String emailId, String conversationId, Instant now) {
        return redis.value(String.class).get(cooldownKey(emailId, conversationId))
                .map(v -> v == null ? 0L : Math.max(0L, Long.parseLong(v) - now.toEpochMilli()));
    }

    public Uni<Void> releaseCooldown(String emailId, String conversationId) {
        return redis.key().del(cooldownKey(emailId, conversationId)).replaceWithVoid();
    }

    public Uni<Void> deleteCode(String conversationId) {
        return redis.key().del(CODE_PREFIX + conversationId).replaceWithVoid();
    }

    /** Pending codes of one email pseudonym, wherever they were asked for (a scan: privacy requests are rare). */
    public Uni<List<Pending>> pendingFor(String emailId) {
        return scan(CODE_PREFIX + "*").onItem().transformToUniAndConcatenate(key -> redis.hash(String.class)
                .hmget(key, "eh", "exp")
                .map(fields -> emailId.equals(fields.get("eh")) && fields.get("exp") != null
                        ? new Pending(key.substring(CODE_PREFIX.length()),
                                Instant.ofEpochMilli(Long.parseLong(fields.get("exp"))))
                        : null))
                .filter(Objects::nonNull).collect().asList();
    }

    /** Deletes everything keyed by one email pseudonym: its pending codes, its cooldown, its attempt counters. */
    public Uni<Long> deleteAllFor(String emailId, String counterPattern) {
        Uni<List<String>> codeKeys = pendingFor(emailId)
                .map(pending -> pending.stream().map(p -> CODE_PREFIX + p.conversationId()).toList());
        Uni<List<String>> counterKeys = scan(counterPattern).collect().asList();
        Uni<List<String>> cooldownKeys = scan(COOLDOWN_PREFIX + emailId + ":*").collect().asList();
        return Uni.combine().all().unis(codeKeys, counterKeys, cooldownKeys).with((codes, counters, cooldowns) -> {
            List<String> all = new ArrayList<>(codes);
            all.addAll(counters);
            all.addAll(cooldowns);
            all.add(COOLDOWN_PREFIX + emailId); // a cooldown kept under the former per-email key
            return all;
        }).chain(keys -> redis.key().del(keys.toArray(String[]::new)).map(Integer::longValue));
    }

    private Multi<String> scan(String pattern) {
        return redis.key().scan(new KeyScanArgs().match(pattern).count(500)).toMulti();
    }

    private Uni<Response> eval(String script, List<String> keys, String... args) {
        String[] command = new String[2 + keys.size() + args.length];
        command[0] = script;
        command[1] = Integer.toString(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            command[2 + i] = keys.get(i);
        }
        System.arraycopy(args, 0, command, 2 + keys.size(), args.length);
        return redis.execute("EVAL", command);
    }
}
