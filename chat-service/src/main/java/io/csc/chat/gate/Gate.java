package io.csc.chat.gate;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.smallrye.mutiny.Uni;

/**
 * What this conversation may see, decided in code from server-side facts only: the plugin's signed identity, or the
 * grant verification-service holds for the conversation. Two levels: a simple match (email + order number) reads the
 * order it matched; a one-time code or a signed identity (STRONG) reads every order of the email and may change them.
 */
@ApplicationScoped
public class Gate {
    public enum Level {
        NONE, SIMPLE, STRONG
    }

    /** @param matchedOrderId the order a simple match proved (SIMPLE only), or null */
    public record Access(Level level, String email, Long matchedOrderId) {
        public static final Access NONE = new Access(Level.NONE, null, null);

        public boolean strong() {
            return level == Level.STRONG;
        }

        /** May read this order (ownership is still checked by the gateway against {@link #email}). */
        public boolean mayRead(long orderId) {
            return level == Level.STRONG || level == Level.SIMPLE && matchedOrderId != null && matchedOrderId == orderId;
        }
    }

    private final VerificationClient verification;
    private final ConversationRepository conversations;

    public Gate(VerificationClient verification, ConversationRepository conversations) {
        this.verification = verification;
        this.conversations = conversations;
    }

    public Uni<Access> access(TurnContext ctx) {
        if (ctx.identityEmail() != null) {
            return Uni.createFrom().item(new Access(Level.STRONG, ctx.identityEmail(), null));
        }
        if (!ctx.verification().started()) {
            return Uni.createFrom().item(Access.NONE);
        }
        return verification.grant(ctx.conversationId(), ctx.domain()).flatMap(grant -> {
            if (grant.isEmpty() || grant.get().level() != VerificationLevel.FULL || grant.get().email() == null) {
                return Uni.createFrom().item(Access.NONE);
            }
            String email = grant.get().email();
            if (grant.get().method() == VerificationMethod.OTP) {
                return Uni.createFrom().item(new Access(Level.STRONG, email, null));
            }
            return conversations.find(ctx.conversationId()).map(c -> {
                Long matched = c != null && c.matchedOrderId != null && c.matchedEmail != null
                        && c.matchedEmail.toLowerCase(Locale.ROOT).equals(email.toLowerCase(Locale.ROOT))
                                ? c.matchedOrderId
                                : null;
                return new Access(Level.SIMPLE, email, matched);
            });
        });
    }
}
