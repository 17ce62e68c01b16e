package io.csc.chat.live;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** Operators and the stores they serve ({@code chat.operator}, {@code chat.operator_store}). */
@ApplicationScoped
public class OperatorRepository {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SELECT = "select o.id, o.login, o.display_name, o.disabled, o.created_at, o.last_sign_in_at,"
            + " coalesce(array_agg(s.domain order by s.domain) filter (where s.domain is not null), '{}') as domains,"
            + " o.password_hash from chat.operator o left join chat.operator_store s on s.operator_id = o.id";

    private final Pool pool;
    private final Clock clock;

    public OperatorRepository(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** An operator with their password hash, for sign-in only. */
    public record WithHash(Operator operator, String passwordHash) {
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static WithHash row(Row r) {
        String[] domains = r.getArrayOfStrings("domains");
        OffsetDateTime last = r.getOffsetDateTime("last_sign_in_at");
        return new WithHash(new Operator(r.getString("id"), r.getString("login"), r.getString("display_name"),
                domains == null ? List.of() : List.of(domains), r.getBoolean("disabled"),
                r.getOffsetDateTime("created_at").toInstant(), last == null ? null : last.toInstant()),
                r.getString("password_hash"));
    }

    private static List<WithHash> rows(RowSet<Row> rows) {
        List<WithHash> out = new ArrayList<>();
        rows.forEach(r -> out.add(row(r)));
        return out;
    }

    /** Creates an operator; null when the login is taken. */
    public Uni<Operator> create(String login, String displayName, String passwordHash, List<String> domains) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String id = "op_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return pool.withTransaction(tx -> tx
                .preparedQuery("insert into chat.operator (id, login, display_name, password_hash, created_at)"
                        + " values ($1, $2, $3, $4, $5) on conflict (login) do nothing")
                .execute(Tuple.of(id, login, displayName, passwordHash, utc(clock.instant())))
                .flatMap(inserted -> inserted.rowCount() == 0
                        ? Uni.createFrom().<Boolean>item(false)
                        : setDomains(tx, id, domains).replaceWith(true)))
                .flatMap(created -> created ? find(id) : Uni.createFrom().nullItem());
    }

    private static Uni<Void> setDomains(SqlClient tx, String id, List<String> domains) {
        return tx.preparedQuery("delete from chat.operator_store where operator_id = $1").execute(Tuple.of(id))
                .flatMap(d -> domains.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("insert into chat.operator_store (operator_id, domain)"
                                + " select $1, unnest($2::varchar[]) on conflict do nothing")
                                .execute(Tuple.of(id, domains.toArray(new String[0]))).replaceWithVoid());
    }

    public Uni<Operator> find(String id) {
        return pool.preparedQuery(SELECT + " where o.id = $1 group by o.id").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()).operator());
    }

    public Uni<WithHash> byLogin(String login) {
        return pool.preparedQuery(SELECT + " where o.login = $1 group by o.id").execute(Tuple.of(login))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Every operator, or those serving {@code domain}, by login. */
    public Uni<List<Operator>> list(String domain) {
        String where = domain == null
                ? ""
                : " where o.id in (select operator_id from chat.operator_store where domain = $1)";
        Tuple args = domain == null ? Tuple.tuple() : Tuple.of(domain);
        return pool.preparedQuery(SELECT + where + " group by o.id order by o.login").execute(args)
                .map(rows -> rows(rows).stream().map(WithHash::operator).toList());
    }

    /** Applies the given changes (null: unchanged); false when there is no such operator. */
    public Uni<Boolean> update(String id, String displayName, String passwordHash, List<String> domains, Boolean disabled) {
        return pool.withTransaction(tx -> tx
                .preparedQuery("update chat.operator set display_name = coalesce($2, display_name),"
                        + " password_hash = coalesce($3, password_hash), disabled = coalesce($4, disabled) where id = $1")
                .execute(Tuple.from(Arrays.asList(id, displayName, passwordHash, disabled)))
                .flatMap(updated -> updated.rowCount() == 0
                        ? Uni.createFrom().item(false)
                        : domains == null ? Uni.createFrom().item(true) : setDomains(tx, id, domains).replaceWith(true)));
    }

    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("delete from chat.operator where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> signedIn(String id) {
        return pool.preparedQuery("update chat.operator set last_sign_in_at = $2 where id = $1")
                .execute(Tuple.of(id, utc(clock.instant()))).replaceWithVoid();
    }

    /** Enabled operators serving the store. */
    public Uni<Integer> countEnabled(String domain) {
        return pool.preparedQuery("select count(*) from chat.operator o join chat.operator_store s on s.operator_id = o.id"
                + " where s.domain = $1 and not o.disabled").execute(Tuple.of(domain))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }

    static Map<String, Object> view(Operator o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.id());
        m.put("login", o.login());
        m.put("displayName", o.displayName());
        m.put("domains", o.domains());
        m.put("disabled", o.disabled());
        m.put("createdAt", o.createdAt().toString());
        m.put("lastSignInAt", o.lastSignInAt() == null ? null : o.lastSignInAt().toString());
        return m;
    }
}
