package io.csc.cart.abandonment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.cart.carts.CartRepository;
import io.csc.cart.carts.CartRow;
import io.csc.model.cart.AbandonedCart;
import io.csc.model.cart.AbandonedCartsResponse;
import io.csc.web.ApiException;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The spec's abandoned-carts report with its filters; counts and value cover all matches, the list {@code limit}. */
@ApplicationScoped
public class AbandonedCartsReportService {
    private static final String FILTER = """
            FROM cart.carts WHERE domain = $1 AND state = 'abandoned' AND abandoned_at <= $2
              AND ($3 OR user_id IS NOT NULL) AND ($4::numeric IS NULL OR cart_total >= $4::numeric)""";

    private final Pool pool;
    private final ObjectMapper json;
    private final Clock clock;

    AbandonedCartsReportService(Pool pool, ObjectMapper json, Clock clock) {
        this.pool = pool;
        this.json = json;
        this.clock = clock;
    }

    public Uni<AbandonedCartsResponse> report(String domain, double hours, boolean includeGuests, BigDecimal minValue,
            int limit) {
        if (hours < 0 || limit < 1 || limit > 1000 || (minValue != null && minValue.signum() < 0)) {
            return Uni.createFrom().failure(ApiException.badRequest(
                    "Invalid request: hours >= 0, 1 <= limit <= 1000, min_cart_value >= 0"));
        }
        var before = clock.instant().minus(Duration.ofSeconds(Math.round(hours * 3600)));
        Tuple args = Tuple.tuple().addString(TenantDomain.normalize(domain))
                .addOffsetDateTime(CartRepository.utc(before)).addBoolean(includeGuests).addBigDecimal(minValue);
        Uni<Row> totals = pool.preparedQuery("SELECT count(*) AS n, coalesce(sum(cart_total), 0) AS value " + FILTER)
                .execute(args).map(rows -> rows.iterator().next());
        Uni<List<AbandonedCart>> carts = pool.preparedQuery("SELECT " + CartRow.COLUMNS + " " + FILTER
                + " ORDER BY abandoned_at DESC, id DESC LIMIT " + limit).execute(args).map(rows -> {
                    List<AbandonedCart> list = new ArrayList<>();
                    for (Row row : rows) {
                        CartRow c = CartRow.from(row, json);
                        list.add(new AbandonedCart(c.sessionId(), c.email(), c.userId(), c.items(), c.total(), c.currency(),
                                c.abandonedAt(), c.emailsSent(), c.lastEmailAt()));
                    }
                    return list;
                });
        return Uni.combine().all().unis(totals, carts).asTuple().map(t -> new AbandonedCartsResponse(true, t.getItem2(),
                t.getItem1().getLong("n"), CartRow.amount(t.getItem1().getBigDecimal("value"))));
    }
}
