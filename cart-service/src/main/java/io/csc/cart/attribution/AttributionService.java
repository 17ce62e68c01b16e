package io.csc.cart.attribution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.carts.CartRow;
import io.csc.model.cart.CartStats;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Recovery results per store. A cart is "recovered" when its order came after it was abandoned; the order is credited
 * to the last recovery email sent before it (recorded when {@code order_placed} arrives), step 0 meaning no email had
 * gone out yet (the chat prompt or the shopper alone).
 */
@ApplicationScoped
public class AttributionService {
    private static final String TOTALS = """
            SELECT count(*) FILTER (WHERE abandoned_at IS NOT NULL) AS abandoned,
                   count(*) FILTER (WHERE state = 'converted' AND abandoned_at IS NOT NULL AND abandoned_at <= converted_at) AS recovered,
                   coalesce(sum(order_total) FILTER (WHERE state = 'converted' AND abandoned_at IS NOT NULL
                       AND abandoned_at <= converted_at), 0) AS revenue
            FROM cart.carts WHERE domain = $1""";

    private static final String BY_STEP = """
            SELECT coalesce(attributed_step, 0) AS step, count(*) AS recovered, coalesce(sum(order_total), 0) AS revenue
            FROM cart.carts
            WHERE domain = $1 AND state = 'converted' AND abandoned_at IS NOT NULL AND abandoned_at <= converted_at
            GROUP BY 1""";

    private static final String EMAILS = """
            SELECT r.step, r.status, coalesce(r.skip_reason, '') AS reason, count(*) AS n,
                   count(r.coupon_code) AS coupons
            FROM cart.recovery_emails r JOIN cart.carts c ON c.id = r.cart_id
            WHERE c.domain = $1 AND r.status IN ('sent', 'skipped')
            GROUP BY 1, 2, 3""";

    private final Pool pool;

    AttributionService(Pool pool) {
        this.pool = pool;
    }

    public Uni<CartStats> stats(String rawDomain) {
        String domain = TenantDomain.normalize(rawDomain);
        Tuple args = Tuple.of(domain);
        return Uni.combine().all()
                .unis(pool.preparedQuery(TOTALS).execute(args), pool.preparedQuery(BY_STEP).execute(args),
                        pool.preparedQuery(EMAILS).execute(args))
                .asTuple().map(t -> {
                    Row totals = t.getItem1().iterator().next();
                    Map<Integer, Acc> steps = new TreeMap<>();
                    for (Row row : t.getItem2()) {
                        Acc acc = steps.computeIfAbsent(row.getInteger("step"), s -> new Acc());
                        acc.recovered = row.getLong("recovered");
                        acc.revenue = row.getBigDecimal("revenue");
                    }
                    for (Row row : t.getItem3()) {
                        Acc acc = steps.computeIfAbsent(row.getInteger("step"), s -> new Acc());
                        long n = row.getLong("n");
                        if ("sent".equals(row.getString("status"))) {
                            acc.sent += n;
                        } else {
                            acc.skipped.merge(row.getString("reason"), n, Long::sum);
                        }
                        acc.coupons += row.getLong("coupons");
                    }
                    List<CartStats.StepStats> list = new ArrayList<>();
                    steps.forEach((step, acc) -> list.add(new CartStats.StepStats(step, acc.sent, acc.skipped, acc.recovered,
                            CartRow.amount(acc.revenue), acc.coupons)));
                    long abandoned = totals.getLong("abandoned");
                    long recovered = totals.getLong("recovered");
                    double rate = abandoned == 0 ? 0 : Math.round(10000.0 * recovered / abandoned) / 10000.0;
                    return new CartStats(true, domain, abandoned, recovered, rate,
                            CartRow.amount(totals.getBigDecimal("revenue")),
                            list);
                });
    }

    private static final class Acc {
        long sent;
        long recovered;
        long coupons;
        BigDecimal revenue = BigDecimal.ZERO;
        Map<String, Long> skipped = new TreeMap<>();
    }
}
