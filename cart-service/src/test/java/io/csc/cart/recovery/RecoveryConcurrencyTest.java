package io.csc.cart.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.csc.cart.abandonment.AbandonmentScanService;
import io.csc.cart.client.GatewayClient;
import io.csc.cart.config.CartConfig;
import io.csc.cart.support.CartTestSupport;
import io.csc.cart.tenant.TenantService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Several scanners, each with its own database connections (as separate replicas would have), run the abandonment
 * scan and the sender at the same time over many due carts; every (cart, step) email must arrive exactly once.
 */
@QuarkusTest
class RecoveryConcurrencyTest extends CartTestSupport {
    private static final int CARTS = 200;
    private static final int SCANNERS = 4;

    @Inject
    Vertx vertx;
    @Inject
    TenantService tenants;
    @Inject
    GatewayClient gatewayClient;
    @Inject
    ReactiveMailer mailer;
    @Inject
    CartConfig config;
    @Inject
    MeterRegistry metrics;

    @Test
    void everyStepOfEveryCartIsSentExactlyOnceByConcurrentScanners() throws Exception {
        String domain = newTenant();
        Instant idleSince = clock.instant().minus(Duration.ofMinutes(10));
        // Seeded directly: what matters here is the scan and the sender, not ingest.
        sql("""
                INSERT INTO cart.carts (domain, session_id, user_id, email, items, item_count, cart_total, currency,
                    last_activity_at, items_event_at, created_at, updated_at)
                SELECT $1, 'conc-' || g, '7', 'conc-' || g || '@example.com',
                    '[{"productId": 11, "name": "Blue Mug", "quantity": 1, "price": "12.50"}]', 1, 12.50, 'EUR', $2, $2, $2, $2
                FROM generate_series(1, $3) g""", domain, idleSince.atOffset(java.time.ZoneOffset.UTC), CARTS);

        List<Pool> pools = new ArrayList<>();
        List<AbandonmentScanService> scanners = new ArrayList<>();
        List<RecoveryService> senders = new ArrayList<>();
        for (int i = 0; i < SCANNERS; i++) {
            Pool own = Pool.newInstance(PgBuilder.pool().with(new PoolOptions().setMaxSize(2))
                    .connectingTo(PgConnectOptions.fromUri("postgresql://127.0.0.1:5432/csc_test").setUser("postgres"))
                    .using(vertx.getDelegate()).build());
            pools.add(own);
            scanners.add(new AbandonmentScanService(own, clock, config, metrics));
            senders.add(new RecoveryService(new RecoveryRepository(own, JSON), tenants, gatewayClient, mailer, clock, config,
                    metrics));
        }
        try {
            // Step 1 due, then steps 2 and 3: each round all scanners race over the same rows.
            runAll(scanners, senders);
            clock.advance(Duration.ofHours(2));
            runAll(scanners, senders);
            clock.advance(Duration.ofHours(24));
            runAll(scanners, senders);
            clock.advance(Duration.ofHours(48));
            runAll(scanners, senders);
            runAll(scanners, senders);
        } finally {
            pools.forEach(p -> p.close().await().indefinitely());
        }

        Map<String, Integer> perStep = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            perStep.merge(m.getHeader("X-CSC-Recovery")[0], 1, Integer::sum);
        }
        assertEquals(CARTS * 3, perStep.size(), "every (cart, step) went out");
        perStep.forEach((reference, n) -> assertEquals(1, n, reference + " sent " + n + " times"));
        assertEquals(CARTS * 3, smtp.getReceivedMessages().length);
        assertEquals(CARTS * 3, count("SELECT count(*) FROM cart.recovery_emails WHERE status = 'sent' AND attempts = 1"));
        assertEquals(CARTS * 2, count("SELECT count(*) FROM cart.recovery_emails WHERE coupon_code IS NOT NULL"));
    }

    private void runAll(List<AbandonmentScanService> scanners, List<RecoveryService> senders) throws Exception {
        List<CompletableFuture<?>> running = new ArrayList<>();
        for (int i = 0; i < scanners.size(); i++) {
            AbandonmentScanService scanner = scanners.get(i);
            RecoveryService sender = senders.get(i);
            // Interleaved: scan, send, scan, send... on every replica at once.
            running.add(scanner.scan().chain(n -> sender.sendDue()).chain(r -> scanner.scan()).chain(n -> sender.sendDue())
                    .subscribeAsCompletionStage());
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
}
