package io.csc.chat.grounding;

import java.util.List;

/** The outcome of checking a reply: the message to send, and the claims no tool returned (empty when grounded). */
public record GroundingVerdict(String message, List<Claim> ungrounded) {

    public boolean replaced() {
        return !ungrounded.isEmpty();
    }
}
