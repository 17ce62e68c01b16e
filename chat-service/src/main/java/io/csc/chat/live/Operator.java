package io.csc.chat.live;

import java.time.Instant;
import java.util.List;

/** An operator as the routes show them: never the password hash. */
public record Operator(String id, String login, String displayName, List<String> domains, boolean disabled,
        Instant createdAt, Instant lastSignInAt) {

    /** The display name's first word: what the shopper sees (no surname). */
    public String firstName() {
        String n = displayName == null ? "" : displayName.strip();
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    public boolean serves(String domain) {
        return domains.contains(domain);
    }
}
