package io.csc.cart.api;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.cart.support.CartTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@TestProfile(EventRateLimitTest.ThreePerMinute.class)
class EventRateLimitTest extends CartTestSupport {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cart.events-per-minute", "3");
        }
    }

    @Test
    void eventsBeyondTheStoreBudgetAre429AndNotStored() throws InterruptedException {
        // The counters use wall-clock minute windows: do not start right before one ends.
        while (java.time.Instant.now().getEpochSecond() % 60 > 50) {
            Thread.sleep(200);
        }
        String domain = newTenant();
        String other = newTenant();
        for (int i = 0; i < 3; i++) {
            sendEvent(domain, cartUpdated("s-rl-" + i, "42", "rl@example.com", clock.instant())).then().statusCode(200);
        }
        sendEvent(domain, cartUpdated("s-rl-4", "42", "rl@example.com", clock.instant())).then().statusCode(429)
                .body("code", equalTo("rate_limited"));
        // The budget is per store.
        sendEvent(other, cartUpdated("s-rl-x", "42", "rl@example.com", clock.instant())).then().statusCode(200);
        assertEquals(3, count("SELECT count(*) FROM cart.carts WHERE domain = $1", domain));
    }
}
