package io.csc.cart.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.cart.carts.CartRow;
import io.csc.model.privacy.PrivacyDeletion;
import io.csc.model.privacy.PrivacyExport;
import io.csc.model.privacy.PrivacyRequest;
import io.csc.web.Emails;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/** Everything cart-service keeps about one email in one store: carts, their recovery emails (with coupons), opt-outs. */
@ApplicationScoped
public class PrivacyService {
    static final String SERVICE = "cart-service";

    private final Pool pool;
    private final ObjectMapper json;

    PrivacyService(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    public Uni<PrivacyExport> export(PrivacyRequest request) {
        Tuple args = key(request);
        Uni<RowSet<Row>> carts = pool.preparedQuery("SELECT " + CartRow.COLUMNS
                + " FROM cart.carts WHERE domain = $1 AND email = $2 ORDER BY id").execute(args);
        Uni<RowSet<Row>> emails = pool.preparedQuery("""
                SELECT c.session_id, r.step, r.status, r.due_at, r.sent_at, r.skip_reason, r.coupon_code, r.coupon_percent,
                       r.coupon_expires_at
                FROM cart.recovery_emails r JOIN cart.carts c ON c.id = r.cart_id
                WHERE c.domain = $1 AND c.email = $2 ORDER BY c.id, r.step""").execute(args);
        Uni<RowSet<Row>> unsubscribes = pool
                .preparedQuery("SELECT domain, email, unsubscribed_at FROM cart.unsubscribes WHERE domain = $1 AND email = $2")
                .execute(args);
        return Uni.combine().all().unis(carts, emails, unsubscribes).asTuple().map(t -> {
            Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
            List<Map<String, Object>> cartList = new ArrayList<>();
            for (Row row : t.getItem1()) {
                CartRow c = CartRow.from(row, json);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("sessionId", c.sessionId());
                m.put("userId", c.userId());
                m.put("email", c.email());
                m.put("consent", c.consent());
                m.put("cartItems", json.convertValue(c.items(), List.class));
                m.put("cartTotal", c.total());
                m.put("cartCurrency", c.currency());
                m.put("appliedCoupons", c.appliedCoupons());
                m.put("state", c.state());
                m.put("lastActivity", str(c.lastActivityAt()));
                m.put("abandonedAt", str(c.abandonedAt()));
                m.put("orderId", c.orderId());
                m.put("orderTotal", CartRow.amount(c.orderTotal()));
                m.put("convertedAt", str(c.convertedAt()));
                m.put("createdAt", str(c.createdAt()));
                cartList.add(m);
            }
            data.put("carts", cartList);
            data.put("recoveryEmails", rows(t.getItem2()));
            data.put("unsubscribes", rows(t.getItem3()));
            return new PrivacyExport(SERVICE, data);
        });
    }

    public Uni<PrivacyDeletion> delete(PrivacyRequest request) {
        Tuple args = key(request);
        return pool.withTransaction(conn -> conn.preparedQuery("""
                SELECT count(*) AS n FROM cart.recovery_emails r JOIN cart.carts c ON c.id = r.cart_id
                WHERE c.domain = $1 AND c.email = $2""").execute(args)
                .chain(emails -> conn.preparedQuery("DELETE FROM cart.carts WHERE domain = $1 AND email = $2").execute(args)
                        .chain(carts -> conn.preparedQuery("DELETE FROM cart.unsubscribes WHERE domain = $1 AND email = $2")
                                .execute(args)
                                .map(unsubscribes -> {
                                    Map<String, Long> deleted = new LinkedHashMap<>();
                                    deleted.put("carts", (long) carts.rowCount());
                                    deleted.put("recoveryEmails", emails.iterator().next().getLong("n"));
                                    deleted.put("unsubscribes", (long) unsubscribes.rowCount());
                                    return new PrivacyDeletion(SERVICE, deleted);
                                }))));
    }

    private static Tuple key(PrivacyRequest request) {
        return Tuple.of(TenantDomain.normalize(request.domain()), Emails.normalize(request.email()));
    }

    private static List<Map<String, Object>> rows(RowSet<Row> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                Object value = row.getValue(i);
                m.put(row.getColumnName(i), value instanceof java.time.temporal.Temporal ? value.toString() : value);
            }
            list.add(m);
        }
        return list;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }
}
