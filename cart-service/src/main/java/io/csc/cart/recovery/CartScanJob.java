package io.csc.cart.recovery;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.abandonment.AbandonmentScanService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Every {@code CART_SCAN_EVERY} on every replica: mark abandoned carts (which schedules their first email), then send
 * the recovery emails that are due. It lives beside {@link RecoveryService}, the half of the work it exists for.
 * Running on all replicas at once is safe (see {@link AbandonmentScanService} and {@link RecoveryService}); a tick that
 * is still running when the next one fires is skipped.
 */
@ApplicationScoped
public class CartScanJob {
    private final AbandonmentScanService abandonment;
    private final RecoveryService recovery;

    CartScanJob(AbandonmentScanService abandonment, RecoveryService recovery) {
        this.abandonment = abandonment;
        this.recovery = recovery;
    }

    @Scheduled(identity = "cart-scan", every = "${cart.scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        // A failed scan must not hold back the emails already due, nor the other way round.
        return abandonment.scan()
                .onFailure().invoke(e -> Log.warnf("Abandonment scan failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithItem(0L)
                .chain(marked -> recovery.sendDue())
                .onFailure().invoke(e -> Log.warnf("Recovery run failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
