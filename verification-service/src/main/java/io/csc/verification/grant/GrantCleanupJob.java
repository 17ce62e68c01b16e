package io.csc.verification.grant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Grants end with their conversation even when nobody says so: idle ones are purged here. */
@ApplicationScoped
public class GrantCleanupJob {
    private final GrantService grants;

    public GrantCleanupJob(GrantService grants) {
        this.grants = grants;
    }

    @Scheduled(every = "${verification.grant.cleanup-every:10m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return grants.purgeExpired().invoke(removed -> {
            if (removed > 0) {
                Log.infof("Purged %d expired grants and consents", removed);
            }
        }).replaceWithVoid();
    }
}
