package io.csc.cart.retention;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Every {@code CART_RETENTION_EVERY}; safe on all replicas at once. */
@ApplicationScoped
public class RetentionJob {
    private final RetentionService retention;

    RetentionJob(RetentionService retention) {
        this.retention = retention;
    }

    @Scheduled(identity = "cart-retention", every = "${cart.retention-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return retention.purge().replaceWithVoid()
                .onFailure().invoke(e -> Log.warnf("Retention failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull();
    }
}
