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
 * The one order-access policy: what this conversation may see and change, decided in code from server-side facts only
 * (the plugin's signed identity, or the grant verification-service holds for the conversation), computed once per turn
 * and used by the tools, by confirmations and by customer-action alike. Four levels: nothing; a simple match (email +
 * order number) reads the one order it matched; a one-time code reads every order of the email and may change them; a
 * signed identity may do the same.
 */
@ApplicationScoped
public class Gate {
    public enum Level {
        /** No grant: no order can be read. */
        NONE,
        /** A simple match: reads the one order it matched, nothing else. */
        SIMPLE,
        /** A one-time code: every order of the email, changes included. */
        STRONG,
        /** The plugin's signed identity of a logged-in customer: as a code. */
        IDENTITY
    }

    /** @param matchedOrderId the order a simple match proved (SIMPLE only), or null */
    public record Access(Level level, String email, Long matchedOrderId) {
        public static final Access NONE = new Access(Level.NONE, null, null);

        /** May list orders, read any of the email's orders and change them. */
        public boolean strong() {
            return level == Level.STRONG || level == Level.IDENTITY;
        }

        /** May read this order (ownership is still checked by the gateway against {@link #email}). */
        public boolean mayRead(long orderId) {
            return strong() || level == Level.SIMPLE && matchedOrderId != null && matchedOrderId == orderId;
        }

        /** May change this order (ownership is still checked by the gateway against {@link #email}). */
        public boolean mayChange(long orderId) {
            return strong();
        }
    }

    private final VerificationClient verification;
    private final ConversationRepository conversations;

    public Gate(VerificationClient verification, ConversationRepository conversations) {
        this.verification = verification;
        this.conversations = conversations;
    }

    /**
     * The turn's policy. Asked of verification-service at most once per turn (the answer is kept in the turn's
     * {@link io.csc.chat.assistant.VerificationState}); a verification step of the turn that may change the grant calls
     * {@link #grantChanged} so the next question reads it again.
     */
    public Uni<Access> access(TurnContext ctx) {
        if (ctx.identityEmail() != null) {
            return Uni.createFrom().item(new Access(Level.IDENTITY, ctx.identityEmail(), null));
        }
        if (!ctx.verification().started()) {
            return Uni.createFrom().item(Access.NONE);
        }
        return ctx.verification().policy(() -> read(ctx));
    }

    /** A simple match or a code was just tried in this turn: the policy is read again when next asked. */
    public void grantChanged(TurnContext ctx) {
        ctx.verification().forgetPolicy();
    }

    private Uni<Access> read(TurnContext ctx) {
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
