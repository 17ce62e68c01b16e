package io.csc.cart.api;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.csc.cart.abandonment.AbandonmentScanService;
import io.csc.cart.recovery.RecoveryService;
import io.csc.cart.retention.RetentionService;
import io.csc.model.cart.ScanResult;
import io.smallrye.mutiny.Uni;

/**
 * Operator triggers for what the scheduler does (internal token): useful with {@code CART_SCAN_EVERY=off}, in the
 * benchmark and when a store wants a scan right now. As safe to call concurrently as the scheduled jobs.
 */
@Path("/internal/carts")
@Produces(MediaType.APPLICATION_JSON)
public class ScanResource {
    private final AbandonmentScanService abandonment;
    private final RecoveryService recovery;
    private final RetentionService retention;

    ScanResource(AbandonmentScanService abandonment, RecoveryService recovery, RetentionService retention) {
        this.abandonment = abandonment;
        this.recovery = recovery;
        this.retention = retention;
    }

    @POST
    @Path("/scan")
    public Uni<ScanResult> scan() {
        long started = System.nanoTime();
        return abandonment.scan().map(n -> new ScanResult(n, 0, 0, 0, 0, 0, (System.nanoTime() - started) / 1_000_000));
    }

    @POST
    @Path("/recovery/run")
    public Uni<ScanResult> sendDue() {
        return recovery.sendDue();
    }

    @POST
    @Path("/retention/run")
    public Uni<ScanResult> purge() {
        long started = System.nanoTime();
        return retention.purge().map(n -> new ScanResult(0, 0, 0, 0, 0, n, (System.nanoTime() - started) / 1_000_000));
    }
}
