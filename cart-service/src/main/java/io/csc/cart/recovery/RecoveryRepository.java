package io.csc.cart.recovery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.cart.carts.CartRow;
import io.csc.model.commerce.CouponIssued;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import static io.csc.cart.carts.CartRepository.utc;

/**
 * The recovery outbox ({@code cart.recovery_emails}). A claim is one autocommitted statement: it locks due rows with
 * {@code FOR UPDATE SKIP LOCKED} (so concurrent replicas never wait for or take the same row), stamps them with a
 * fresh claim token and a lease, and commits before any mail is sent. Every later write names the claim token and
 * {@code status = 'claimed'}, so a replica whose lease was taken over cannot overwrite the new owner's work.
 */
@ApplicationScoped
public class RecoveryRepository {
    private static final String CLAIM = """
            UPDATE cart.recovery_emails r
            SET status = 'claimed', claim_token = $1, lease_until = $2, attempts = r.attempts + 1
            FROM (SELECT cart_id, step FROM cart.recovery_emails
                  WHERE (status = 'pending' AND due_at <= $3) OR (status = 'claimed' AND lease_until <= $3)
                  ORDER BY due_at
                  LIMIT $4
                  FOR UPDATE SKIP LOCKED) due
            WHERE r.cart_id = due.cart_id AND r.step = due.step
            RETURNING r.cart_id, r.step, r.attempts, r.claim_token, r.lease_until, r.coupon_code, r.coupon_percent,
                r.coupon_expires_at""";

    private static final String FINISH = """
            UPDATE cart.recovery_emails
            SET status = $4::varchar, sent_at = CASE WHEN $4::varchar = 'sent' THEN $5::timestamptz END, finished_at = $5, skip_reason = $6,
                lease_until = NULL
            WHERE cart_id = $1 AND step = $2 AND claim_token = $3 AND status = 'claimed'""";

    private static final String PROGRESS = """
            UPDATE cart.carts SET steps_done = GREATEST(steps_done, $2), emails_sent = emails_sent + $3,
                last_email_at = CASE WHEN $3 > 0 THEN $4 ELSE last_email_at END, updated_at = $4
            WHERE id = $1""";

    /** The outbox's second writer (package documentation): schedules the step after the one just sent. */
    private static final String NEXT = """
            INSERT INTO cart.recovery_emails (cart_id, step, due_at)
            SELECT id, $2, abandoned_at + $3 * interval '1 second' FROM cart.carts WHERE id = $1 AND state = 'abandoned'
            ON CONFLICT (cart_id, step) DO NOTHING""";

    private static final String RELEASE = """
            UPDATE cart.recovery_emails
            SET status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'claimed' END,
                lease_until = CASE WHEN attempts >= $4 THEN NULL ELSE $5::timestamptz END,
                finished_at = CASE WHEN attempts >= $4 THEN $6::timestamptz END,
                skip_reason = CASE WHEN attempts >= $4 THEN 'gave_up' END
            WHERE cart_id = $1 AND step = $2 AND claim_token = $3 AND status = 'claimed'""";

    private static final String SAVE_COUPON = """
            UPDATE cart.recovery_emails SET coupon_id = $4, coupon_code = $5, coupon_percent = $6, coupon_expires_at = $7
            WHERE cart_id = $1 AND step = $2 AND claim_token = $3 AND status = 'claimed'""";

    private final Pool pool;
    private final ObjectMapper json;

    public RecoveryRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The cart as it is now (null when deleted meanwhile). */
    public Uni<CartRow> cart(long id) {
        return pool.preparedQuery("SELECT " + CartRow.COLUMNS + " FROM cart.carts WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 0 ? null : CartRow.from(rows.iterator().next(), json));
    }

    public Uni<List<Claim>> claim(Instant now, Instant leaseUntil, int limit) {
        Tuple args = Tuple.of(UUID.randomUUID(), utc(leaseUntil), utc(now), limit);
        return pool.preparedQuery(CLAIM).execute(args).map(rows -> {
            List<Claim> claims = new java.util.ArrayList<>(rows.rowCount());
            for (Row row : rows) {
                claims.add(Claim.from(row));
            }
            return claims;
        });
    }

    /**
     * Records the outcome of a claimed step and, when the sequence goes on, schedules the next step: one transaction,
     * so the next step exists exactly when this one is final. Answers false when the claim was no longer ours.
     */
    public Uni<Boolean> finish(Claim claim, String status, String skipReason, Instant now, Long nextStepOffsetSeconds) {
        return pool.withTransaction(conn -> conn.preparedQuery(FINISH)
                .execute(Tuple.of(claim.cartId(), claim.step(), claim.token(), status, utc(now), skipReason))
                .chain(result -> {
                    if (result.rowCount() == 0) {
                        return Uni.createFrom().item(false);
                    }
                    int sent = "sent".equals(status) ? 1 : 0;
                    // A cancelled step (cart active again) is not done: a new abandonment schedules it again.
                    Uni<?> progress = "cancelled".equals(status)
                            ? Uni.createFrom().voidItem()
                            : conn.preparedQuery(PROGRESS).execute(Tuple.of(claim.cartId(), claim.step(), sent, utc(now)));
                    if (nextStepOffsetSeconds != null) {
                        progress = progress.chain(() -> conn.preparedQuery(NEXT)
                                .execute(Tuple.of(claim.cartId(), claim.step() + 1, nextStepOffsetSeconds)));
                    }
                    return progress.replaceWith(true);
                }));
    }

    /** Gives a failed attempt back: it is claimed again after {@code retryAt}, or marked failed after the last try. */
    public Uni<Void> release(Claim claim, int maxAttempts, Instant retryAt, Instant now) {
        return pool.preparedQuery(RELEASE)
                .execute(Tuple.of(claim.cartId(), claim.step(), claim.token(), maxAttempts, utc(retryAt), utc(now)))
                .replaceWithVoid();
    }

    public Uni<Boolean> saveCoupon(Claim claim, CouponIssued coupon) {
        return pool.preparedQuery(SAVE_COUPON)
                .execute(Tuple.tuple().addLong(claim.cartId()).addInteger(claim.step()).addUUID(claim.token())
                        .addLong(coupon.id()).addString(coupon.code()).addInteger(coupon.percent())
                        .addOffsetDateTime(utc(coupon.expiresAt())))
                .map(result -> result.rowCount() == 1);
    }

    public Uni<Boolean> unsubscribed(String domain, String email) {
        return pool.preparedQuery("SELECT 1 FROM cart.unsubscribes WHERE domain = $1 AND email = $2")
                .execute(Tuple.of(domain, email)).map(rows -> rows.rowCount() > 0);
    }

    /** Records the opt-out and cancels every step still waiting for that shopper in that store. */
    public Uni<Void> unsubscribe(String domain, String email, Instant now) {
        return pool.withTransaction(conn -> conn.preparedQuery("""
                INSERT INTO cart.unsubscribes (domain, email, unsubscribed_at) VALUES ($1, $2, $3)
                ON CONFLICT (domain, email) DO NOTHING""").execute(Tuple.of(domain, email, utc(now)))
                .chain(() -> conn.preparedQuery("""
                        UPDATE cart.recovery_emails r SET status = 'skipped', skip_reason = 'unsubscribed', finished_at = $3
                        FROM cart.carts c
                        WHERE r.cart_id = c.id AND c.domain = $1 AND c.email = $2 AND r.status = 'pending'""")
                        .execute(Tuple.of(domain, email, utc(now))))
                .replaceWithVoid());
    }
}
