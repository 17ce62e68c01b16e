package io.csc.chat.greeting;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GreetingServiceTest {
    private final GreetingService greetings = new GreetingService();

    /** The spec's "Custom Greeting Based on Customer Segment", branch by branch. */
    @ParameterizedTest(name = "{0} logged-in={1} items={2}")
    @CsvSource(delimiter = '|', textBlock = """
            vip     | true  | 0 | Welcome back, Ada! As a VIP customer, you have priority support. How can I assist you today?
            vip     | true  | 3 | Welcome back, Ada! As a VIP customer, you have priority support. How can I assist you today?
            regular | true  | 3 | Hi Ada! I see you have 3 items in your cart. Need any help completing your purchase?
            regular | true  | 0 | Hi there! How can I help you today?
            new     | true  | 0 | Hello Ada! Welcome to our store. Questions about our products? I'm here to help!
            guest   | false | 2 | I noticed you have items in your cart. Need any help? You can also save your cart by creating an account.
            guest   | false | 0 | Hi there! How can I help you today?
            """)
    void greetsBySegmentAndCart(String group, boolean loggedIn, int items, String expected) {
        Map<String, Object> user = new HashMap<>();
        user.put("customerGroup", group);
        user.put("displayName", "Ada");
        user.put("isLoggedIn", loggedIn);
        Map<String, Object> cart = Map.of("hasItems", items > 0, "itemCount", items);
        assertEquals(expected, greetings.greet(null, false, user, cart, null).message());
    }

    @org.junit.jupiter.api.Test
    void signedSegmentWinsOverTheBrowsersClaimAndNamesAreCleaned() {
        Map<String, Object> user = Map.of("customerGroup", "vip", "displayName", "<b>Eve</b>", "isLoggedIn", true);
        assertEquals("Hello bEve/b! Welcome to our store. Questions about our products? I'm here to help!",
                greetings.greet("new", true, user, Map.of(), null).message());
    }
}
