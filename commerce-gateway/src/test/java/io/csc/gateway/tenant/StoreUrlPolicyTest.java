package io.csc.gateway.tenant;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.csc.web.ApiException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreUrlPolicyTest {

    @Test
    void acceptsHttpsAndNormalises() {
        URI uri = StoreUrlPolicy.parse("https://Shop.Example.com/store/", false);
        assertEquals("https://shop.example.com/store", uri.toString());
        assertEquals("https://203.0.113.7:8443", StoreUrlPolicy.parse("https://203.0.113.7:8443", false).toString());
        assertEquals("https://[2001:db8::1]", StoreUrlPolicy.parse("https://[2001:db8::1]", false).toString());
    }

    @Test
    void plainHttpOnlyForADevelopmentStore() {
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("http://shop.example.com", false));
        assertDoesNotThrow(() -> StoreUrlPolicy.parse("http://127.0.0.1:8090", true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("ftp://shop.example.com", true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("not a url", false));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("https://user:pw@shop.example.com", false));
    }

    /** IP addresses in the forms C's inet_aton (and so curl, PHP, browsers) accept besides the dotted quad. */
    @ParameterizedTest
    @ValueSource(strings = {"https://0x7f000001", "https://0177.0.0.1", "https://0xa9fea9fe", "https://2130706433",
            "https://127.1", "https://0x7f.0.0.1", "https://127.0.0.01", "https://0", "https://0x0", "https://1.2.3.4.5",
            "https://256.1.1.1", "https://017700000001", "https://shop.123", "https://metadata.google.internal"})
    void refusesDisguisedIpLiteralsAndMetadataNames(String url) {
        ApiException refused = assertThrows(ApiException.class, () -> StoreUrlPolicy.parse(url, true), url);
        assertEquals(400, refused.status());
        assertEquals("invalid_store_url", refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com", "https://0xdeadbeef.com", "https://123.example",
            "https://1.2.3.4", "https://xn--bcher-kva.example", "https://shop-1.example.co.uk"})
    void acceptsHostNamesAndCanonicalAddresses(String url) {
        assertDoesNotThrow(() -> StoreUrlPolicy.parse(url, false), url);
    }

    /** address, allowed for a production store, allowed for a development store. */
    @ParameterizedTest
    @CsvSource({
            "93.184.216.34, true, true",
            "2606:2800:220:1:248:1893:25c8:1946, true, true",
            "127.0.0.1, false, true",
            "127.255.255.254, false, true",
            "10.1.2.3, false, true",
            "172.16.0.5, false, true",
            "172.31.255.255, false, true",
            "172.32.0.1, true, true",
            "192.168.1.1, false, true",
            "100.64.0.1, false, true",
            "198.18.0.1, false, true",
            "::1, false, true",
            "fc00::1, false, true",
            "fd12:3456::1, false, true",
            "::ffff:127.0.0.1, false, true",
            "::ffff:10.0.0.1, false, true",
            "::ffff:93.184.216.34, true, true",
            "64:ff9b::7f00:1, false, true",
            "2002:7f00:1::1, false, true",
            "169.254.169.254, false, false",
            "169.254.0.1, false, false",
            "::ffff:169.254.169.254, false, false",
            "0.0.0.0, false, false",
            "0.1.2.3, false, false",
            "::, false, false",
            "fe80::1, false, false",
            "fec0::1, false, false",
            "fd00:ec2::254, false, false",
            "100.100.100.200, false, false",
            "224.0.0.1, false, false",
            "255.255.255.255, false, false",
            "ff02::1, false, false"})
    void addressTable(String ip, boolean production, boolean development) throws Exception {
        InetAddress address = InetAddress.getByName(ip);
        assertEquals(production, allowed(address, false), ip + " for a production store");
        assertEquals(development, allowed(address, true), ip + " for a development store");
    }

    @Test
    void ipv4MappedAddressesKeptAsIpv6AreJudgedByTheirIpv4Part() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = (byte) 169;
        mapped[13] = (byte) 254;
        mapped[14] = (byte) 169;
        mapped[15] = (byte) 254;
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);
        assertTrue(address instanceof Inet6Address);
        assertEquals(false, allowed(address, true));
    }

    @Test
    void everyResolvedAddressIsCheckedAndUnresolvableHostsAreRefused() throws Exception {
        HostResolver dns = new FakeDns(Map.of(
                "localtest.me", new String[]{"127.0.0.1"},
                "mixed.example", new String[]{"93.184.216.34", "10.0.0.7"},
                "shop.example", new String[]{"93.184.216.34"}));
        assertThrows(ApiException.class,
                () -> StoreUrlPolicy.checkAddresses(URI.create("https://localtest.me"), false, dns));
        assertDoesNotThrow(() -> StoreUrlPolicy.checkAddresses(URI.create("http://localtest.me"), true, dns));
        assertThrows(ApiException.class,
                () -> StoreUrlPolicy.checkAddresses(URI.create("https://mixed.example"), false, dns));
        assertDoesNotThrow(() -> StoreUrlPolicy.checkAddresses(URI.create("https://shop.example"), false, dns));
        ApiException unknown = assertThrows(ApiException.class,
                () -> StoreUrlPolicy.checkAddresses(URI.create("https://nowhere.example"), true, dns));
        assertEquals(400, unknown.status());
        assertTrue(unknown.getMessage().contains("does not resolve"), unknown.getMessage());
    }

    private static boolean allowed(InetAddress address, boolean developmentStore) {
        try {
            StoreUrlPolicy.checkAddress(address, developmentStore);
            return true;
        } catch (ApiException e) {
            assertEquals(400, e.status());
            return false;
        }
    }

    /** DNS answers fixed by the test. */
    static final class FakeDns extends HostResolver {
        private final Map<String, String[]> answers;

        FakeDns(Map<String, String[]> answers) {
            this.answers = answers;
        }

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            String[] ips = answers.get(host);
            if (ips == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] result = new InetAddress[ips.length];
            for (int i = 0; i < ips.length; i++) {
                result[i] = InetAddress.getByName(ips[i]);
            }
            return result;
        }
    }
}
