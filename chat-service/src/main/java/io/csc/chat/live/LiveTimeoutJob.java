package io.csc.chat.live;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.config.ChatConfig;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Moves waiting handoffs nobody claimed in time to timed_out and tells their shoppers (every
 * {@code CHAT_LIVE_TIMEOUT_EVERY}). Every replica runs it; each handoff moves once (one conditional update).
 */
@ApplicationScoped
public class LiveTimeoutJob {
    private final LiveService live;
    private final ChatConfig config;
    private final Clock clock;

    public LiveTimeoutJob(LiveService live, ChatConfig config, Clock clock) {
        this.live = live;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${chat.live.timeout-every:30s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return sweep(clock.instant()).replaceWithVoid().onFailure().recoverWithUni(e -> {
            Log.warnf("Live timeout: the sweep failed (%s)", e.getClass().getSimpleName());
            return Uni.createFrom().voidItem();
        });
    }

    /** One pass as if it were {@code now}; answers how many handoffs timed out. */
    public Uni<Integer> sweep(Instant now) {
        String within = config.handoffAnswerWithin();
        return live.timeOut(now, ReplyCatalog.text(Language.EN, "handoff.within").equals(within) ? null : within)
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Live timeout: %d handoffs nobody claimed in time", n);
                    }
                });
    }
}
