package io.csc.chat.conversation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.csc.chat.support.Api;
import io.csc.chat.support.Chats;
import io.csc.chat.support.ServicesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a session reads back of its conversation: each kind of personal data as its marker, dates and orders as typed. */
@QuarkusTest
@QuarkusTestResource(value = ServicesResource.class, restrictToAnnotatedClass = false)
class HistoryRedactionTest {

    @BeforeEach
    void reset() {
        ServicesResource.reset();
    }

    @Test
    void theHistoryShowsMarkersAndKeepsDatesOrderNumbersAndPrices() {
        Chats c = Chats.open();
        List<String> typed = List.of(
                "I'm jörg@bücher.de, or ä@例え.jp, or alice%40example.com",
                "the code is 123 456, or was it 12.34.56 or 123-456?",
                "refund to DE89 3704 0044 0532 0130 00 or GB82WEST12345698765432, card 4111-1111-1111-1111",
                "call +49 30 1234 5678 or +1 (555) 123-4567",
                "order #48 of 06.12.2026 (2026-12-06 14:30), 2 hoodies for 49,99 € or $49.99, delivery by 12/08/2026");
        for (String message : typed) {
            Api.chat(c.ip(), c.turn(message)).then().statusCode(200);
        }

        List<Map<String, String>> messages = RestAssured.given().queryParam("session_id", c.session())
                .get("/api/chat/" + c.conversationId()).then().statusCode(200).extract().path("messages");
        List<String> fromShopper = messages.stream().filter(m -> "user".equals(m.get("role"))).map(m -> m.get("text"))
                .toList();
        assertEquals(List.of(
                "I'm [email], or [email], or [email]",
                "the code is [code], or was it [code] or [code]?",
                "refund to [iban] or [iban], card [card]",
                "call [phone] or [phone]",
                "order #48 of 06.12.2026 (2026-12-06 14:30), 2 hoodies for 49,99 € or $49.99, delivery by 12/08/2026"),
                fromShopper);
    }
}
