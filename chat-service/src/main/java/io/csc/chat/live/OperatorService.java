package io.csc.chat.live;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.config.ChatConfig;
import io.csc.web.ApiException;
import io.csc.web.RateLimiter;
import io.csc.web.TenantDomain;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;

/**
 * Operators: the admin's CRUD, sign-in and the sessions it opens. A session token is 32 random bytes; Redis keeps only
 * its SHA-256 ({@code chat:op:session:<hash>} → operator id, expiring after {@code CHAT_LIVE_SESSION_TTL}) and the set of
 * an operator's session hashes, so disabling or deleting an operator ends every session at once. Sign-in is limited per
 * client address and per login (429 with {@code Retry-After}); an unknown login and a wrong password get the same answer
 * after the same work.
 */
@ApplicationScoped
public class OperatorService {
    static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SESSION = "chat:op:session:";
    private static final String SESSIONS_OF = "chat:op:sessions:";
    private static final Duration SIGN_IN_WINDOW = Duration.ofMinutes(15);

    private final OperatorRepository operators;
    private final PasswordHasher hasher;
    private final RateLimiter limiter;
    private final ChatConfig config;
    private final Clock clock;
    private final ReactiveValueCommands<String, String> values;
    private final ReactiveSetCommands<String, String> sets;
    private final ReactiveKeyCommands<String> keys;

    public OperatorService(OperatorRepository operators, PasswordHasher hasher, RateLimiter limiter, ChatConfig config,
            Clock clock, ReactiveRedisDataSource redis) {
        this.operators = operators;
        this.hasher = hasher;
        this.limiter = limiter;
        this.config = config;
        this.clock = clock;
        this.values = redis.value(String.class);
        this.sets = redis.set(String.class);
        this.keys = redis.key();
    }

    /** A signed-in operator's session. */
    public record Session(String token, Instant expiresAt, Operator operator) {
    }

    public Uni<Operator> create(String login, String displayName, String password, List<String> domains) {
        String l = login(login);
        String name = displayName(displayName);
        List<String> d = domains(domains);
        password(password);
        return hasher.hash(password).flatMap(hash -> operators.create(l, name, hash, d)).map(o -> {
            if (o == null) {
                throw ApiException.conflict("login_taken", "This login is taken");
            }
            Log.infof("Operator %s created", o.id());
            return o;
        });
    }

    public Uni<List<Operator>> list(String domain) {
        return operators.list(domain == null || domain.isBlank() ? null : TenantDomain.normalize(domain));
    }

    public Uni<Operator> update(String id, String displayName, String password, List<String> domains, Boolean disabled) {
        String name = displayName == null ? null : displayName(displayName);
        List<String> d = domains == null ? null : domains(domains);
        if (password != null) {
            password(password);
        }
        Uni<String> hash = password == null ? Uni.createFrom().nullItem() : hasher.hash(password);
        return hash.flatMap(h -> operators.update(id, name, h, d, disabled)).flatMap(found -> {
            if (!found) {
                return Uni.createFrom().failure(notFound());
            }
            // a disabled operator, or one whose password changed, signs in again
            Uni<Void> ended = Boolean.TRUE.equals(disabled) || password != null
                    ? endSessions(id)
                    : Uni.createFrom().voidItem();
            return ended.chain(() -> operators.find(id));
        });
    }

    public Uni<Void> delete(String id) {
        return operators.delete(id).flatMap(found -> {
            if (!found) {
                return Uni.createFrom().failure(notFound());
            }
            return endSessions(id);
        });
    }

    private static ApiException notFound() {
        return ApiException.notFound("operator_not_found", "No such operator");
    }

    /**
     * Checks the password and opens a session. Every attempt counts against the address' and the login's budget first.
     */
    public Uni<Session> signIn(String login, String password, String clientIp, HttpServerResponse response) {
        if (login == null || password == null || login.isBlank() || password.isEmpty() || login.length() > 64
                || password.length() > 256) {
            throw ApiException.badRequest("login and password are required");
        }
        String l = login.strip().toLowerCase(Locale.ROOT);
        return budget(response, "op-sign-in-addr", clientIp, config.live().signInPerAddress())
                .chain(() -> budget(response, "op-sign-in-login", sha256(l).substring(0, 32),
                        config.live().signInPerLogin()))
                .chain(() -> operators.byLogin(l))
                .flatMap(found -> hasher.verify(password, found == null ? null : found.passwordHash()).flatMap(ok -> {
                    if (!ok || found.operator().disabled()) {
                        return Uni.createFrom().failure(ApiException.unauthorized("invalid_credentials",
                                "Wrong login or password"));
                    }
                    return open(found.operator());
                }));
    }

    private Uni<Void> budget(HttpServerResponse response, String bucket, String client, int limit) {
        return limiter.hit(bucket, client, limit, SIGN_IN_WINDOW).invoke(rl -> {
            if (!rl.allowed()) {
                long retryAfter = limiter.retryAfter(rl);
                response.putHeader("Retry-After", Long.toString(retryAfter));
                throw new ApiException(429, "rate_limited", "Too many sign-in attempts, retry in " + retryAfter + " seconds");
            }
        }).replaceWithVoid();
    }

    private Uni<Session> open(Operator operator) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = sha256(token);
        Duration ttl = config.live().sessionTtl();
        Instant expires = clock.instant().plus(ttl);
        return values.setex(SESSION + hash, ttl.toSeconds(), operator.id())
                .chain(() -> sets.sadd(SESSIONS_OF + operator.id(), hash))
                .chain(() -> keys.expire(SESSIONS_OF + operator.id(), ttl))
                .chain(() -> operators.signedIn(operator.id()))
                .map(v -> {
                    Log.infof("Operator %s signed in", operator.id());
                    return new Session(token, expires, operator);
                });
    }

    /** The operator of a bearer header; 401 for a missing, unknown, expired or ended session. */
    public Uni<Operator> authenticate(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            return Uni.createFrom().failure(unauthorized());
        }
        return values.get(SESSION + sha256(token)).flatMap(id -> id == null
                ? Uni.createFrom().failure(unauthorized())
                : operators.find(id).map(o -> {
                    if (o == null || o.disabled()) {
                        throw unauthorized();
                    }
                    return o;
                }));
    }

    public Uni<Void> signOut(String authorization) {
        String token = bearer(authorization);
        if (token == null) {
            return Uni.createFrom().failure(unauthorized());
        }
        String hash = sha256(token);
        return values.getdel(SESSION + hash).flatMap(id -> id == null
                ? Uni.createFrom().failure(unauthorized())
                : sets.srem(SESSIONS_OF + id, hash).replaceWithVoid());
    }

    private Uni<Void> endSessions(String operatorId) {
        return sets.smembers(SESSIONS_OF + operatorId).flatMap(hashes -> {
            String[] all = new String[hashes.size() + 1];
            int i = 0;
            for (String h : hashes) {
                all[i++] = SESSION + h;
            }
            all[i] = SESSIONS_OF + operatorId;
            return keys.del(all).replaceWithVoid();
        });
    }

    private static ApiException unauthorized() {
        return ApiException.unauthorized("unauthorized", "Sign in as an operator");
    }

    static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() || token.length() > 128 ? null : token;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String login(String login) {
        String l = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        if (!LOGIN.matcher(l).matches()) {
            throw ApiException.badRequest("login must be 2-64 letters, digits or . _ @ -");
        }
        return l;
    }

    private static String displayName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > 100) {
            throw ApiException.badRequest("displayName must be 1-100 characters");
        }
        return n;
    }

    private static void password(String password) {
        if (password == null || password.length() < 12) {
            throw new ApiException(400, "weak_password", "The password must have at least 12 characters");
        }
        if (password.length() > 256) {
            throw ApiException.badRequest("The password must have at most 256 characters");
        }
    }

    private static List<String> domains(List<String> domains) {
        if (domains == null) {
            return List.of();
        }
        if (domains.size() > 100) {
            throw ApiException.badRequest("At most 100 domains");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String d : domains) {
            out.add(TenantDomain.normalize(d));
        }
        return List.copyOf(out);
    }

    public static Map<String, Object> view(Operator o) {
        return OperatorRepository.view(o);
    }

    /** What an operator sees of themselves after signing in. */
    public static Map<String, Object> self(Operator o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("login", o.login());
        m.put("displayName", o.displayName());
        m.put("domains", o.domains());
        return m;
    }
}
