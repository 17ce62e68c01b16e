package io.csc.gateway.tenant;

import java.net.InetAddress;
import java.net.URI;

import org.junit.jupiter.api.Test;

import io.csc.web.ApiException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StoreUrlPolicyTest {

    @Test
    void acceptsHttpsAndNormalises() {
        URI uri = StoreUrlPolicy.parse("https://Shop.Example.com/store/", false);
        assertEquals("https://shop.example.com/store", uri.toString());
    }

    @Test
    void plainHttpOnlyForADevelopmentStore() {
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("http://shop.example.com", false));
        assertDoesNotThrow(() -> StoreUrlPolicy.parse("http://127.0.0.1:8090", true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("ftp://shop.example.com", true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("not a url", false));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("https://user:pw@shop.example.com", false));
    }

    @Test
    void refusesMetadataAndLinkLocalAddressesEvenForDevelopmentStores() throws Exception {
        assertThrows(ApiException.class, () -> StoreUrlPolicy.parse("https://metadata.google.internal", true));
        assertThrows(ApiException.class,
                () -> StoreUrlPolicy.checkAddress(InetAddress.getByName("169.254.169.254"), true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.checkAddress(InetAddress.getByName("fe80::1"), true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.checkAddress(InetAddress.getByName("fd00:ec2::254"), true));
        assertThrows(ApiException.class, () -> StoreUrlPolicy.checkAddress(InetAddress.getByName("0.0.0.0"), true));
    }

    @Test
    void privateAndLoopbackOnlyForDevelopmentStores() throws Exception {
        for (String ip : new String[]{"127.0.0.1", "10.1.2.3", "192.168.1.1", "172.16.0.5", "::1", "100.64.0.1"}) {
            InetAddress address = InetAddress.getByName(ip);
            assertThrows(ApiException.class, () -> StoreUrlPolicy.checkAddress(address, false), ip);
            assertDoesNotThrow(() -> StoreUrlPolicy.checkAddress(address, true), ip);
        }
        assertDoesNotThrow(() -> StoreUrlPolicy.checkAddress(InetAddress.getByName("93.184.216.34"), false));
    }
}
