package io.csc.demostore;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoStoreOptionsTest {

    @Test
    void defaults() {
        DemoStoreOptions o = DemoStoreOptions.fromArgs(new String[0], Map.of());
        assertEquals(8090, o.port());
        assertEquals("127.0.0.1", o.host());
        assertEquals(Duration.ZERO, o.latency());
        assertFalse(o.allowBasicOverHttp());
        assertNull(o.siteUrl());
        assertEquals(3, o.credentials().size());
        assertEquals(java.time.ZoneId.of("America/New_York"), o.timezone());
    }

    @Test
    void timezoneFromTheEnvironmentOrArguments() {
        assertEquals(java.time.ZoneId.of("Europe/Berlin"),
                DemoStoreOptions.fromArgs(new String[0], Map.of("DEMO_STORE_TIMEZONE", "Europe/Berlin")).timezone());
        assertEquals(java.time.ZoneId.of("UTC"), DemoStoreOptions
                .fromArgs(new String[]{"--timezone=UTC"}, Map.of("DEMO_STORE_TIMEZONE", "Europe/Berlin")).timezone());
        assertThrows(IllegalArgumentException.class,
                () -> DemoStoreOptions.fromArgs(new String[]{"--timezone", "Mars/Olympus"}, Map.of()));
    }

    @Test
    void argumentsWinOverEnvironment() {
        DemoStoreOptions o = DemoStoreOptions.fromArgs(
                new String[]{"--port", "9001", "--latency-ms=120", "--site-url", "http://demo-store:8090/",
                        "--allow-basic-over-http"},
                Map.of("DEMO_STORE_PORT", "9000", "DEMO_STORE_HOST", "0.0.0.0"));
        assertEquals(9001, o.port());
        assertEquals("0.0.0.0", o.host());
        assertEquals(Duration.ofMillis(120), o.latency());
        assertEquals("http://demo-store:8090", o.siteUrl());
        assertTrue(o.allowBasicOverHttp());
    }

    @Test
    void rejectsUnknownOrBrokenArguments() {
        assertThrows(IllegalArgumentException.class, () -> DemoStoreOptions.fromArgs(new String[]{"--bogus"}, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> DemoStoreOptions.fromArgs(new String[]{"--port"}, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> DemoStoreOptions.fromArgs(new String[]{"--port", "x"}, Map.of()));
    }

    @Test
    void startsOnAFreePortAndReportsItsUrl() {
        try (DemoStore store = DemoStore.start(DemoStoreOptions.defaults().port(0))) {
            assertTrue(store.port() > 0);
            assertEquals("http://127.0.0.1:" + store.port(), store.baseUrl());
            assertEquals(store.baseUrl(), store.siteUrl());
        }
    }
}
