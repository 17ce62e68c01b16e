package io.csc.cart.retention;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.carts.CartRepository;
import io.csc.cart.config.CartConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deletes carts (and, by cascade, their recovery history) not changed for {@code CART_RETENTION}. In batches, so a
 * large backlog never holds long locks. Opt-outs are kept: they must keep holding for the shopper's later carts.
 */
@ApplicationScoped
public class RetentionService {
    private static final int BATCH = 5000;
    private final Pool pool;
    private final Clock clock;
    private final CartConfig config;

    RetentionService(Pool pool, Clock clock, CartConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.config = config;
    }

    public Uni<Long> purge() {
        Instant cutoff = clock.instant().minus(config.retention());
        return batch(cutoff, 0).invoke(n -> {
            if (n > 0) {
                Log.infof("Retention deleted %d carts", n);
            }
        });
    }

    private Uni<Long> batch(Instant cutoff, long soFar) {
        return pool.preparedQuery("""
                DELETE FROM cart.carts WHERE id IN (
                    SELECT id FROM cart.carts WHERE updated_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED)""")
                .execute(Tuple.of(CartRepository.utc(cutoff), BATCH))
                .chain(rows -> rows.rowCount() < BATCH
                        ? Uni.createFrom().item(soFar + rows.rowCount())
                        : batch(cutoff, soFar + rows.rowCount()));
    }
}
