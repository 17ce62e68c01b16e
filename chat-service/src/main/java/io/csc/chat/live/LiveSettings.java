package io.csc.chat.live;

/** A store's live-chat settings (docs/live-handoff.md). */
public record LiveSettings(String domain, boolean enabled, BusinessHours hours, int claimTimeoutMinutes) {
    public static LiveSettings defaults(String domain) {
        return new LiveSettings(domain, false, BusinessHours.officeHours(), 5);
    }
}
