package io.csc.chat.llm;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/** A stand-in for the OpenAI API ({@code POST /v1/chat/completions}) on a free port. */
public class OpenAiWireMock implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer server;

    public static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of("quarkus.langchain4j.openai.base-url", "http://localhost:" + server.port() + "/v1/");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
