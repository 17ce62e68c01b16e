package io.csc.chat.conversation;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes that must survive a crash of the database itself. chat-service's connections commit asynchronously
 * ({@code quarkus.datasource.reactive.additional-properties.synchronous_commit}, {@code DB_SYNCHRONOUS_COMMIT}, default
 * off): a turn's transcript writes return before PostgreSQL has flushed them, and a crash of the database server (not
 * of this service) may lose the last fraction of a second of them, never corrupt anything. What a shopper or the store
 * relies on once told is written through here: the state that guards an order change against a second execution, and
 * a privacy deletion.
 */
@ApplicationScoped
public class Durable {
    private final Pool pool;

    public Durable(Pool pool) {
        this.pool = pool;
    }

    /** Runs one statement and commits it synchronously (flushed to disk before this completes). */
    public Uni<RowSet<Row>> execute(String sql, Tuple args) {
        return pool.withTransaction(c -> c.query("set local synchronous_commit to on").execute()
                .chain(() -> c.preparedQuery(sql).execute(args)));
    }

    /**
     * Makes every transaction committed before this call durable: a synchronous commit flushes the log up to its own
     * commit record, and the log is written in order.
     */
    public Uni<Void> flush() {
        return pool.withTransaction(c -> c.query("set local synchronous_commit to on").execute()
                .chain(() -> c.query("select pg_current_xact_id()").execute())).replaceWithVoid();
    }
}
