package io.csc.chat.handoff;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Hands a conversation to the store's staff: records it, then, unless a person of the store is asked to join the chat
 * (live handoff, state waiting), mails the redacted transcript to the store's support address (once per conversation:
 * a later handoff updates the unfinished one and sends no second mail), with the shopper's email as Reply-To only when
 * the shopper gave it and agreed. A mail that fails leaves the handoff recorded: staff still see it in the operators'
 * list.
 */
@ApplicationScoped
public class HandoffService {
    private static final int TRANSCRIPT_MESSAGES = 50;

    private final HandoffRepository repository;
    private final ConversationRepository conversations;
    private final ReactiveMailer mailer;
    private final ChatMetrics metrics;

    public HandoffService(HandoffRepository repository, ConversationRepository conversations, ReactiveMailer mailer,
            ChatMetrics metrics) {
        this.repository = repository;
        this.conversations = conversations;
        this.mailer = mailer;
        this.metrics = metrics;
    }

    /**
     * @param trigger shopper|assistant (the assistant failing twice), for the metric
     * @param replyTo the shopper's email when given and agreed, else null
     */
    public Uni<HandoffEntity> handOff(TenantSettings tenant, String conversationId, String reason, String replyTo,
            String trigger) {
        return handOff(tenant, conversationId, reason, replyTo, trigger, "open");
    }

    /**
     * Records the handoff in {@code state} when it is new: {@code waiting} (a person of the store is asked to join the
     * chat: no mail), else {@code open} or {@code unstaffed} (the email path). The email path mails the redacted
     * transcript once per conversation, however many handoffs ask.
     */
    public Uni<HandoffEntity> handOff(TenantSettings tenant, String conversationId, String reason, String replyTo,
            String trigger, String state) {
        boolean live = "waiting".equals(state);
        return repository.record(tenant.domain(), conversationId, reason, replyTo, state).flatMap(r -> {
            if (r.fresh()) {
                metrics.handoff(trigger);
            }
            if (live || "waiting".equals(r.handoff().state) || "claimed".equals(r.handoff().state)) {
                // a person is asked or holds it: staff see it in the live inbox, no mail
                return Uni.createFrom().item(r.handoff());
            }
            return repository.claimMail(r.handoff().id, conversationId).flatMap(first -> !first
                    ? Uni.createFrom().item(r.handoff())
                    : conversations.history(conversationId, TRANSCRIPT_MESSAGES)
                            .chain(history -> mail(tenant, r.handoff(), history)).replaceWith(r.handoff()));
        });
    }

    private Uni<Void> mail(TenantSettings tenant, HandoffEntity h, List<HistoryMessage> history) {
        if (tenant.supportEmail() == null || tenant.supportEmail().isBlank()) {
            Log.infof("Handoff %s recorded; store has no support email", h.id);
            return Uni.createFrom().voidItem();
        }
        StringBuilder body = new StringBuilder();
        body.append("A shopper asked for help in the chat of ")
                .append(tenant.storeName() == null ? tenant.domain() : tenant.storeName())
                .append(".\n\n");
        if (h.reason != null) {
            body.append("Reason: ").append(h.reason).append("\n\n");
        }
        body.append(h.replyTo != null
                ? "Reply to this email to answer the shopper.\n\n"
                : "The shopper did not leave an email address for an answer.\n\n");
        body.append("Transcript (personal data removed):\n\n");
        for (HistoryMessage m : history) {
            body.append(m.at()).append(' ').append("user".equals(m.role()) ? "Shopper" : "Assistant").append(": ")
                    .append(m.text()).append('\n');
        }
        body.append("\nHandoff ").append(h.id).append(", conversation ").append(h.conversationId).append('\n');
        Mail mail = Mail.withText(tenant.supportEmail(), "Chat handoff: a shopper needs help", body.toString());
        if (h.replyTo != null) {
            mail.setReplyTo(h.replyTo);
        }
        return mailer.send(mail).onFailure().recoverWithItem(e -> {
            Log.warnf("Handoff %s: mail to the store failed (%s)", h.id, e.getClass().getSimpleName());
            return null;
        });
    }

    public Uni<List<HandoffEntity>> list(String domain, int limit) {
        return repository.list(domain, limit);
    }

    public Uni<Boolean> markAnswered(String domain, String id) {
        return repository.markAnswered(domain, id);
    }
}
