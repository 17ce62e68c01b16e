package io.csc.web;

/** The state of one client's window after a request: what the {@code X-RateLimit-*} headers say. */
public record RateLimit(int limit, long remaining, long resetEpochSeconds, boolean allowed) {
}
