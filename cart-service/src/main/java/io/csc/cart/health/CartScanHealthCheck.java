package io.csc.cart.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.csc.cart.abandonment.AbandonmentScanService;
import io.csc.cart.config.CartConfig;

/**
 * Live while the abandonment scan keeps running: a replica whose scheduler stopped (stuck tick) is restarted.
 * Database and Redis readiness come from their extensions' own checks.
 */
@Liveness
@ApplicationScoped
public class CartScanHealthCheck implements HealthCheck {
    private final AbandonmentScanService abandonment;
    private final CartConfig config;
    private final Clock clock;
    private final Instant started;

    CartScanHealthCheck(AbandonmentScanService abandonment, CartConfig config, Clock clock) {
        this.abandonment = abandonment;
        this.config = config;
        this.clock = clock;
        this.started = clock.instant();
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("cart-scan");
        Duration every = every();
        Instant last = abandonment.lastScan();
        builder.withData("scanEvery", every == null ? "off" : every.toString());
        if (last != null) {
            builder.withData("lastScan", last.toString());
        }
        if (every == null) {
            return builder.up().build();
        }
        Instant reference = last != null ? last : started;
        Duration allowed = every.multipliedBy(10).plusMinutes(5);
        return builder.status(Duration.between(reference, clock.instant()).compareTo(allowed) < 0).build();
    }

    private Duration every() {
        String value = config.scanEvery().trim().toLowerCase();
        if (value.equals("off") || value.equals("disabled")) {
            return null;
        }
        try {
            return value.startsWith("p") ? Duration.parse(value.toUpperCase()) : Duration.parse("PT" + value.toUpperCase());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
