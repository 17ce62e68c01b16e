package io.csc.chat.privacy;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.action.PendingActionRepository;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.handoff.HandoffRepository;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Deletes conversations (with their messages and pending actions) and handoffs older than {@code CHAT_RETENTION}, and
 * forgets the shopper's messages kept with consent questions no longer waiting for an answer.
 */
@ApplicationScoped
public class RetentionJob {
    private final ConversationRepository conversations;
    private final HandoffRepository handoffs;
    private final PendingActionRepository pending;
    private final ChatConfig config;
    private final Clock clock;

    public RetentionJob(ConversationRepository conversations, HandoffRepository handoffs, PendingActionRepository pending,
            ChatConfig config, Clock clock) {
        this.pending = pending;
        this.conversations = conversations;
        this.handoffs = handoffs;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${chat.retention-every}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run().replaceWithVoid();
    }

    /** One retention pass now; answers how many conversations were deleted. */
    public Uni<Long> run() {
        var before = clock.instant().minus(config.retention());
        return conversations.deleteIdleSince(before).call(n -> handoffs.deleteOlderThan(before))
                .call(n -> pending.forgetAnsweredConsentMessages(clock.instant())).invoke(n -> {
                    if (n > 0) {
                        Log.infof("Retention: deleted %d conversations", n);
                    }
                });
    }
}
