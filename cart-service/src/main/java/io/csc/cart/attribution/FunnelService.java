package io.csc.cart.attribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.carts.CartRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The recovery funnel of the carts abandoned in a period (UTC days), per email step: abandoned, emailed, restored (the
 * shopper followed that email's restore link and the plugin refilled the cart: a {@code cart_restored} event recorded
 * in {@code cart.cart_restores}, credited to an email that went out before it; a cart restored from two emails counts
 * once in each step and once in the total), recovered (ordered afterwards, credited to the last email before the order), recovered revenue, coupons issued and
 * coupons used in those orders.
 */
@ApplicationScoped
public class FunnelService {
    private static final String CARTS = """
            SELECT id, state, abandoned_at, converted_at, last_activity_at, order_total, attributed_step,
                   attributed_coupon
            FROM cart.carts WHERE domain = $1 AND abandoned_at >= $2 AND abandoned_at < $3""";

    private static final String TOTALS = "WITH c AS (" + CARTS + """
            )
            SELECT count(*) AS abandoned,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cart.recovery_emails r
                       WHERE r.cart_id = c.id AND r.status = 'sent')) AS emailed,
                   count(*) FILTER (WHERE EXISTS (SELECT 1 FROM cart.cart_restores x WHERE x.cart_id = c.id))
                       AS restored,
                   count(*) FILTER (WHERE c.state = 'converted' AND c.abandoned_at <= c.converted_at) AS recovered,
                   coalesce(sum(c.order_total) FILTER (WHERE c.state = 'converted'
                       AND c.abandoned_at <= c.converted_at), 0) AS revenue,
                   count(*) FILTER (WHERE c.state = 'converted' AND c.abandoned_at <= c.converted_at
                       AND c.attributed_coupon IS NOT NULL) AS coupons_used
            FROM c""";

    private static final String EMAILED = "WITH c AS (" + CARTS + """
            )
            SELECT r.step, count(*) AS emailed, count(r.coupon_code) AS coupons_issued
            FROM cart.recovery_emails r JOIN c ON c.id = r.cart_id WHERE r.status = 'sent' GROUP BY r.step""";

    private static final String RESTORED = "WITH c AS (" + CARTS + """
            )
            SELECT x.step, count(*) AS restored FROM c JOIN cart.cart_restores x ON x.cart_id = c.id GROUP BY x.step""";

    private static final String RECOVERED = "WITH c AS (" + CARTS + """
            )
            SELECT coalesce(attributed_step, 0) AS step, count(*) AS recovered, coalesce(sum(order_total), 0) AS revenue,
                   count(attributed_coupon) AS coupons_used
            FROM c WHERE state = 'converted' AND abandoned_at <= converted_at GROUP BY 1""";

    private final Pool pool;

    FunnelService(Pool pool) {
        this.pool = pool;
    }

    /** Step 0: orders placed before any email went out (the chat prompt, or the shopper alone). */
    @io.quarkus.runtime.annotations.RegisterForReflection
    public record Step(int step, long emailed, long restored, long recovered, String revenue, long couponsIssued,
            long couponsUsed) {
    }

    @io.quarkus.runtime.annotations.RegisterForReflection

    public record Funnel(boolean success, String domain, String from, String to, long abandoned, long emailed,
            long restored, long recovered, double recoveryRate, String recoveredRevenue, long couponsUsed,
            List<Step> steps) {
    }

    public Uni<Funnel> funnel(String domain, LocalDate from, LocalDate to) {
        OffsetDateTime start = from.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Tuple args = Tuple.of(domain, start, end);
        return Uni.combine().all().unis(pool.preparedQuery(TOTALS).execute(args), pool.preparedQuery(EMAILED).execute(args),
                pool.preparedQuery(RESTORED).execute(args), pool.preparedQuery(RECOVERED).execute(args)).asTuple()
                .map(t -> {
                    Map<Integer, long[]> steps = new TreeMap<>();
                    Map<Integer, BigDecimal> revenue = new TreeMap<>();
                    for (Row r : t.getItem2()) {
                        long[] a = steps.computeIfAbsent(r.getInteger("step"), s -> new long[5]);
                        a[0] = r.getLong("emailed");
                        a[3] = r.getLong("coupons_issued");
                    }
                    for (Row r : t.getItem3()) {
                        steps.computeIfAbsent(r.getInteger("step"), s -> new long[5])[1] = r.getLong("restored");
                    }
                    for (Row r : t.getItem4()) {
                        long[] a = steps.computeIfAbsent(r.getInteger("step"), s -> new long[5]);
                        a[2] = r.getLong("recovered");
                        a[4] = r.getLong("coupons_used");
                        revenue.put(r.getInteger("step"), r.getBigDecimal("revenue"));
                    }
                    List<Step> list = new ArrayList<>();
                    steps.forEach((step, a) -> list.add(new Step(step, a[0], a[1], a[2],
                            CartRow.amount(revenue.getOrDefault(step, BigDecimal.ZERO)), a[3], a[4])));
                    Row totals = t.getItem1().iterator().next();
                    long abandoned = totals.getLong("abandoned");
                    long recovered = totals.getLong("recovered");
                    double rate = abandoned == 0 ? 0 : Math.round(10000.0 * recovered / abandoned) / 10000.0;
                    return new Funnel(true, domain, from.toString(), to.toString(), abandoned, totals.getLong("emailed"),
                            totals.getLong("restored"), recovered, rate, CartRow.amount(totals.getBigDecimal("revenue")),
                            totals.getLong("coupons_used"), list);
                });
    }
}
