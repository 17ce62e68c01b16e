package io.csc.gateway.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.gateway.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that is not a trusted proxy cannot choose its own address with X-Forwarded-For to dodge its limit: here only
 * a remote proxy is trusted ({@code TRUSTED_PROXIES}), so the test client on loopback is an ordinary peer.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.OnlyARemoteProxyIsTrusted.class)
class UntrustedProxyTest {

    public static class OnlyARemoteProxyIsTrusted implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("csc.web.trusted-proxies", "10.255.255.1", "gateway.rate-limit.stock",
                    Integer.toString(Integer.MAX_VALUE));
        }
    }

    @Test
    void forwardedAddressesFromAnUntrustedPeerAreIgnored() {
        long first = remaining(Api.randomIp());
        long second = remaining(Api.randomIp());
        // Both requests counted against the real peer (loopback), whatever they claimed. The limit is as high as it
        // goes: loopback's window in the shared Redis also holds whatever else ran from here this hour (benchmarks).
        assertEquals(first - 1, second);
    }

    private static long remaining(String claimedIp) {
        return Long.parseLong(Api.client(claimedIp).body(Map.of("domain", "nobody.test", "sku", "X"))
                .post("/api/woocommerce/stock").then().statusCode(404).extract().header("X-RateLimit-Remaining"));
    }
}
