package io.csc.chat.llm;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.chat.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.csc.chat.llm.OpenAiStubs.firstAnswer;
import static io.csc.chat.llm.OpenAiStubs.requests;
import static io.csc.chat.llm.OpenAiStubs.wm;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model answers in the shopper's language: the language chat detects for the turn is named in the system message
 * the model receives, so a German question gets a German answer even when the tools and the pages speak English.
 */
@QuarkusTest
@TestProfile(LlmModeProfile.class)
class LlmLanguageTest {

    @BeforeEach
    void reset() {
        wm().resetAll();
    }

    private static String systemMessageFor(String message) {
        String domain = Api.randomDomain();
        wm().stubFor(get(urlPathEqualTo("/internal/tenants/" + domain)).willReturn(okJson("""
                {"domain": "%s", "storeName": "Test Store", "storeUrl": "https://%s", "woocommerceEnabled": true,
                 "allowedOrigins": ["https://%s"], "pluginSecret": "plugin-secret-for-tests-0123456789",
                 "supportEmail": "support@%s", "developmentStore": false}""".formatted(domain, domain, domain, domain))));
        firstAnswer("Gern geschehen.");
        Api.chat(Api.randomIp(), Map.of("message", message, "session_id", Api.session(), "domain", domain)).then()
                .statusCode(200);
        JsonNode request = requests().get(requests().size() - 1);
        return request.get("messages").get(0).get("content").asText();
    }

    @Test
    void aGermanMessageAsksTheModelToAnswerInGerman() {
        String system = systemMessageFor("Habt ihr warme Mützen für den Winter?");
        assertTrue(system.contains("The shopper writes in German: write every reply in German"), system);
        assertFalse(system.contains("{language}"), system);
    }

    @Test
    void anEnglishMessageNamesEnglish() {
        String system = systemMessageFor("Do you have warm hats for the winter?");
        assertTrue(system.contains("The shopper writes in English"), system);
        assertFalse(system.contains("German"), system);
    }
}
