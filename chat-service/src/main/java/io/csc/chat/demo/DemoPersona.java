package io.csc.chat.demo;

import java.util.Locale;

import io.csc.web.ApiException;

/**
 * The demo's login switcher: a guest and three registered customers of the demo store, each shown as the segment
 * the WordPress plugin would compute for a real store (the demo store's customers are too small to reach "vip" by
 * the spec's thresholds, so the demo assigns the segment).
 */
public enum DemoPersona {
    GUEST(null), NEW("carla.mendes@example.com"), REGULAR("bob.smith@example.com"), VIP("emma.wilson@example.com");

    private final String email;

    DemoPersona(String email) {
        this.email = email;
    }

    public String email() {
        return email;
    }

    /** The segment name as the spec's {@code userData.customerGroup} has it. */
    public String segment() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DemoPersona parse(String value) {
        if (value == null || value.isBlank()) {
            return GUEST;
        }
        for (DemoPersona p : values()) {
            if (p.segment().equals(value.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw ApiException.badRequest("Invalid request: persona must be guest, new, regular or vip");
    }
}
