package io.csc.cart.carts;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.model.cart.CartItem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Cart writes are single upserts guarded by event time: each kind of event (items, email, consent, order) carries
 * its own timestamp column and only a newer event changes that part of the row, so duplicates and late deliveries
 * are no-ops whatever order they arrive in. Any newer event also counts as activity and brings an abandoned cart back
 * to active; an order ends the cart for good.
 */
@ApplicationScoped
public class CartRepository {
    private static final String REACTIVATE = "state = CASE WHEN c.state = 'abandoned' AND EXCLUDED.last_activity_at > c.last_activity_at"
            + " THEN 'active' ELSE c.state END, last_activity_at = GREATEST(c.last_activity_at, EXCLUDED.last_activity_at),"
            + " updated_at = EXCLUDED.updated_at";

    private static final String CART_UPDATED = """
            INSERT INTO cart.carts AS c (domain, session_id, user_id, email, email_event_at, items, item_count, cart_total,
                currency, applied_coupons, last_activity_at, items_event_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, CASE WHEN $4::varchar IS NULL THEN NULL ELSE $5::timestamptz END, $6, $7, $8, $9, $10,
                $5, $5, $11, $11)
            ON CONFLICT (domain, session_id) DO UPDATE SET
                user_id = COALESCE(EXCLUDED.user_id, c.user_id),
                email = CASE WHEN EXCLUDED.email IS NOT NULL AND (c.email_event_at IS NULL OR c.email_event_at < EXCLUDED.items_event_at)
                    THEN EXCLUDED.email ELSE c.email END,
                email_event_at = CASE WHEN EXCLUDED.email IS NOT NULL AND (c.email_event_at IS NULL OR c.email_event_at < EXCLUDED.items_event_at)
                    THEN EXCLUDED.items_event_at ELSE c.email_event_at END,
                items = EXCLUDED.items, item_count = EXCLUDED.item_count, cart_total = EXCLUDED.cart_total,
                currency = COALESCE(EXCLUDED.currency, c.currency), applied_coupons = EXCLUDED.applied_coupons,
                items_event_at = EXCLUDED.items_event_at,
            """
            + REACTIVATE + """

                    WHERE c.state <> 'converted' AND (c.items_event_at IS NULL OR c.items_event_at < EXCLUDED.items_event_at)
                    RETURNING id, state""";

    private static final String CHECKOUT_EMAIL = """
            INSERT INTO cart.carts AS c (domain, session_id, user_id, email, email_event_at, last_activity_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $5, $6, $6)
            ON CONFLICT (domain, session_id) DO UPDATE SET
                user_id = COALESCE(EXCLUDED.user_id, c.user_id),
                email = EXCLUDED.email, email_event_at = EXCLUDED.email_event_at,
            """
            + REACTIVATE + """

                    WHERE c.email_event_at IS NULL OR c.email_event_at < EXCLUDED.email_event_at
                    RETURNING id, state""";

    private static final String CONSENT = """
            INSERT INTO cart.carts AS c (domain, session_id, user_id, email, email_event_at, consent, consent_event_at,
                last_activity_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, CASE WHEN $4::varchar IS NULL THEN NULL ELSE $5::timestamptz END, $6, $5, $5, $7, $7)
            ON CONFLICT (domain, session_id) DO UPDATE SET
                user_id = COALESCE(EXCLUDED.user_id, c.user_id),
                email = CASE WHEN EXCLUDED.email IS NOT NULL AND (c.email_event_at IS NULL OR c.email_event_at < EXCLUDED.consent_event_at)
                    THEN EXCLUDED.email ELSE c.email END,
                email_event_at = CASE WHEN EXCLUDED.email IS NOT NULL AND (c.email_event_at IS NULL OR c.email_event_at < EXCLUDED.consent_event_at)
                    THEN EXCLUDED.consent_event_at ELSE c.email_event_at END,
                consent = EXCLUDED.consent, consent_event_at = EXCLUDED.consent_event_at,
            """
            + REACTIVATE + """

                    WHERE c.consent_event_at IS NULL OR c.consent_event_at < EXCLUDED.consent_event_at
                    RETURNING id, state""";

    private static final String ORDER_PLACED = """
            INSERT INTO cart.carts AS c (domain, session_id, user_id, email, email_event_at, state, order_id, order_total,
                converted_at, last_activity_at, created_at, updated_at)
            VALUES ($1, $2, $3, $4, CASE WHEN $4::varchar IS NULL THEN NULL ELSE $5::timestamptz END, 'converted', $6, $7,
                $5, $5, $8, $8)
            ON CONFLICT (domain, session_id) DO UPDATE SET
                state = 'converted', order_id = EXCLUDED.order_id, order_total = EXCLUDED.order_total,
                converted_at = EXCLUDED.converted_at, user_id = COALESCE(c.user_id, EXCLUDED.user_id),
                email = COALESCE(c.email, EXCLUDED.email),
                last_activity_at = GREATEST(c.last_activity_at, EXCLUDED.last_activity_at), updated_at = EXCLUDED.updated_at
            WHERE c.state <> 'converted'
            RETURNING id, state""";

    // The last email sent before the order gets the credit (and its coupon).
    private static final String ATTRIBUTE = """
            UPDATE cart.carts c SET attributed_step = r.step, attributed_coupon = r.coupon_code
            FROM (SELECT step, coupon_code FROM cart.recovery_emails
                  WHERE cart_id = $1 AND status = 'sent' AND sent_at <= $2 ORDER BY step DESC LIMIT 1) r
            WHERE c.id = $1""";

    private static final String CANCEL_PENDING = """
            UPDATE cart.recovery_emails SET status = 'cancelled', skip_reason = 'ordered', finished_at = $2
            WHERE cart_id = $1 AND status = 'pending'""";

    /**
     * A restore through a recovery email's link, credited to an email of that cart that went out: the step the token
     * names (sent no later than the restore, give or take the clock difference a signature allows), or, for a token
     * without a step (made before the step was added), the last email sent before the restore. The earliest restore
     * per cart and step is kept; a repeat changes nothing.
     */
    private static final String RESTORED = """
            WITH e AS (
              SELECT r.cart_id, r.step, c.state FROM cart.recovery_emails r JOIN cart.carts c ON c.id = r.cart_id
              WHERE c.domain = $1 AND c.session_id = $2 AND r.status = 'sent'
                AND CASE WHEN $3::int IS NULL THEN r.sent_at <= $4 ELSE r.step = $3 AND r.sent_at <= $5 END
              ORDER BY r.step DESC LIMIT 1)
            INSERT INTO cart.cart_restores (cart_id, step, restored_at) SELECT cart_id, step, $4 FROM e
            ON CONFLICT (cart_id, step) DO UPDATE SET restored_at = EXCLUDED.restored_at
              WHERE EXCLUDED.restored_at < cart_restores.restored_at
            RETURNING cart_id AS id, (SELECT state FROM e) AS state""";

    private final Pool pool;
    private final ObjectMapper json;

    public CartRepository(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** The id and state after the change, or empty when the event changed nothing (duplicate or stale). */
    public record Applied(long id, String state) {
    }

    public Uni<Optional<Applied>> cartUpdated(String domain, String sessionId, String userId, String email, Instant at,
            List<CartItem> items, int itemCount, BigDecimal total, String currency, List<String> coupons, Instant now) {
        Tuple args = Tuple.tuple().addString(domain).addString(sessionId).addString(userId).addString(email)
                .addOffsetDateTime(utc(at)).addValue(jsonArray(items)).addInteger(itemCount).addBigDecimal(total)
                .addString(currency).addValue(jsonArray(coupons)).addOffsetDateTime(utc(now));
        return applied(pool.preparedQuery(CART_UPDATED).execute(args));
    }

    public Uni<Optional<Applied>> checkoutEmail(String domain, String sessionId, String userId, String email, Instant at,
            Instant now) {
        Tuple args = Tuple.of(domain, sessionId, userId, email, utc(at), utc(now));
        return applied(pool.preparedQuery(CHECKOUT_EMAIL).execute(args));
    }

    public Uni<Optional<Applied>> consent(String domain, String sessionId, String userId, String email, boolean consent,
            Instant at, Instant now) {
        Tuple args = Tuple.tuple().addString(domain).addString(sessionId).addString(userId).addString(email)
                .addOffsetDateTime(utc(at)).addBoolean(consent).addOffsetDateTime(utc(now));
        return applied(pool.preparedQuery(CONSENT).execute(args));
    }

    /** Converts the cart, credits the last email sent before the order and cancels the steps still pending. */
    public Uni<Optional<Applied>> orderPlaced(String domain, String sessionId, String userId, String email, String orderId,
            BigDecimal orderTotal, Instant at, Instant now) {
        Tuple args = Tuple.tuple().addString(domain).addString(sessionId).addString(userId).addString(email)
                .addOffsetDateTime(utc(at)).addString(orderId).addBigDecimal(orderTotal).addOffsetDateTime(utc(now));
        return pool.withTransaction(conn -> applied(conn.preparedQuery(ORDER_PLACED).execute(args))
                .call(applied -> applied.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : conn.preparedQuery(ATTRIBUTE).execute(Tuple.of(applied.get().id(), utc(at)))
                                .chain(() -> conn.preparedQuery(CANCEL_PENDING).execute(Tuple.of(applied.get().id(), utc(at))))
                                .replaceWithVoid()));
    }

    /** Records a restore link followed ({@link #RESTORED}); empty when no sent email matches or it is a repeat. */
    public Uni<Optional<Applied>> restored(String domain, String sessionId, Integer step, Instant at, Instant latestSend) {
        Tuple args = Tuple.tuple().addString(domain).addString(sessionId).addInteger(step).addOffsetDateTime(utc(at))
                .addOffsetDateTime(utc(latestSend));
        return applied(pool.preparedQuery(RESTORED).execute(args));
    }

    public Uni<CartRow> find(String domain, String sessionId) {
        return pool.preparedQuery("SELECT " + CartRow.COLUMNS + " FROM cart.carts WHERE domain = $1 AND session_id = $2")
                .execute(Tuple.of(domain, sessionId)).map(rows -> first(rows));
    }

    public Uni<String> state(String domain, String sessionId) {
        return pool.preparedQuery("SELECT state FROM cart.carts WHERE domain = $1 AND session_id = $2")
                .execute(Tuple.of(domain, sessionId))
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("state") : null);
    }

    private CartRow first(RowSet<Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? CartRow.from(it.next(), json) : null;
    }

    private static Uni<Optional<Applied>> applied(Uni<RowSet<Row>> result) {
        return result.map(rows -> {
            var it = rows.iterator();
            if (!it.hasNext()) {
                return Optional.empty();
            }
            Row row = it.next();
            return Optional.of(new Applied(row.getLong("id"), row.getString("state")));
        });
    }

    private JsonArray jsonArray(List<?> values) {
        try {
            return new JsonArray(json.writeValueAsString(values == null ? List.of() : values));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unserializable cart data", e);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
