package io.csc.cart.abandonment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.carts.CartRepository;
import io.csc.cart.config.CartConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Marks carts abandoned: items, an email (guests only with consent), no order, idle longer than
 * {@code CART_ABANDON_AFTER}. {@code abandoned_at} is the end of the idle period, not the time of the scan, so every
 * replica computes the same value and the recovery schedule does not depend on when a scan happened to run. The same
 * statement schedules the cart's next recovery step in the outbox ({@code SCAN} is one of the outbox's two writers,
 * see the {@code io.csc.cart.recovery} package documentation); replicas scanning at once skip each other's rows
 * ({@code SKIP LOCKED}) and the (cart, step) key makes double scheduling impossible.
 */
@ApplicationScoped
public class AbandonmentScanService {
    static final String SCAN = """
            WITH due AS (
                SELECT id FROM cart.carts
                WHERE state = 'active' AND item_count > 0 AND email IS NOT NULL AND (user_id IS NOT NULL OR consent)
                  AND last_activity_at <= $1
                LIMIT $2
                FOR UPDATE SKIP LOCKED
            ), marked AS (
                UPDATE cart.carts c SET state = 'abandoned', abandoned_at = c.last_activity_at + $3 * interval '1 second'
                FROM due WHERE c.id = due.id
                RETURNING c.id, c.abandoned_at, c.steps_done
            ), scheduled AS (
                INSERT INTO cart.recovery_emails (cart_id, step, due_at)
                SELECT id, steps_done + 1, abandoned_at + ($4::bigint[])[steps_done + 1] * interval '1 second'
                FROM marked WHERE steps_done < cardinality($4::bigint[])
                ON CONFLICT (cart_id, step) DO UPDATE SET status = 'pending', due_at = EXCLUDED.due_at,
                    claim_token = NULL, lease_until = NULL, skip_reason = NULL, finished_at = NULL
                WHERE cart.recovery_emails.status IN ('pending', 'cancelled')
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM marked) AS abandoned, (SELECT count(*) FROM scheduled) AS scheduled""";

    private final Pool pool;
    private final Clock clock;
    private final CartConfig config;
    private final MeterRegistry metrics;
    private volatile Instant lastScan;

    public AbandonmentScanService(Pool pool, Clock clock, CartConfig config, MeterRegistry metrics) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    /** One scan: marks every due cart, in batches, and answers how many. */
    public Uni<Long> scan() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.abandonAfter());
        Long[] offsets = config.recovery().stepSeconds();
        long started = System.nanoTime();
        // Liveness follows scan attempts, not successes: a database outage must not get replicas restarted.
        lastScan = now;
        return batch(cutoff, offsets, 0L).invoke(total -> {
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            metrics.timer("cart.abandonment.scan").record(took);
            metrics.counter("cart.abandoned").increment(total);
            if (total > 0) {
                Log.infof("Abandonment scan marked %d carts in %d ms", total, took.toMillis());
            }
        });
    }

    public Instant lastScan() {
        return lastScan;
    }

    private Uni<Long> batch(Instant cutoff, Long[] offsets, long soFar) {
        int size = config.scanBatch();
        Tuple args = Tuple.tuple().addOffsetDateTime(CartRepository.utc(cutoff)).addInteger(size)
                .addLong(config.abandonAfter().toSeconds()).addArrayOfLong(offsets);
        return pool.preparedQuery(SCAN).execute(args).chain(rows -> {
            long marked = rows.iterator().next().getLong("abandoned");
            return marked < size ? Uni.createFrom().item(soFar + marked) : batch(cutoff, offsets, soFar + marked);
        });
    }
}
