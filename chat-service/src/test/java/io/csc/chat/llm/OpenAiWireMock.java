package io.csc.chat.llm;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A stand-in for the OpenAI API ({@code POST /v1/chat/completions}) and the internal peers, on a free port. */
public class OpenAiWireMock implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        String base = "http://localhost:" + server.port();
        // the same server stands in for chat-core's peers (their /internal routes), so the real tools run behind it
        return Map.of("quarkus.langchain4j.openai.base-url", base + "/v1/",
                "quarkus.rest-client.commerce-gateway.url", base,
                "quarkus.rest-client.verification-service.url", base,
                "quarkus.rest-client.cart-service.url", base);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
