package io.csc.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The one test clock: it replaces common-web's {@code ClockProducer} in every {@code @QuarkusTest} application. It
 * starts at the real time and then stands still; only {@link #advance} moves it (expiries, idle periods, schedules are
 * tested without waiting), and {@link #reset} puts it back to the real time. UTC, millisecond precision (as stored).
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {
    private volatile Instant now = realNow();

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public void reset() {
        now = realNow();
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    private static Instant realNow() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
