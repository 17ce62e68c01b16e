package io.csc.web;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {
    private final ClientAddress behindIngress = new ClientAddress(Optional.of(List.of("10.0.0.0/8", "::1")));
    private final ClientAddress direct = new ClientAddress(Optional.empty());

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // peer | X-Forwarded-For | client
            "10.1.2.3|203.0.113.7|203.0.113.7",
            "10.1.2.3|203.0.113.7, 10.9.9.9|203.0.113.7",
            // The client wrote the left-most entry itself: the right-most untrusted hop wins.
            "10.1.2.3|1.1.1.1, 203.0.113.7|203.0.113.7",
            "10.1.2.3|203.0.113.7:5555|203.0.113.7",
            "10.1.2.3|[2001:db8::1]:443|2001:db8::1",
            "::1|2001:db8::2|2001:db8::2",
            // Garbage in the header: the last hop we can vouch for.
            "10.1.2.3|evil.example, 10.9.9.9|10.9.9.9",
            "10.1.2.3|-|10.1.2.3",
            // Not from a trusted proxy: the header is the client's own claim and is ignored.
            "198.51.100.4|203.0.113.7|198.51.100.4",
            "-|203.0.113.7|unknown"})
    void readsForwardedForOnlyFromTrustedProxies(String peer, String forwardedFor, String expected) {
        assertEquals(expected, behindIngress.resolve(peer, forwardedFor));
    }

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("10.1.2.3", direct.resolve("10.1.2.3", "203.0.113.7"));
        assertEquals("127.0.0.1", direct.resolve("127.0.0.1", "203.0.113.7"));
    }

    @Test
    void refusesConfigurationThatIsNotAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(Optional.of(List.of("ingress.local"))));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(Optional.of(List.of("10.0.0.0/33"))));
    }
}
