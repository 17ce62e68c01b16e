package io.csc.chat.demo;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The gateway's internal routes and cart-service's plugin route, stubbed on one dynamic port, with the shapes of
 * docs/internal-api.md. The demo store itself plays no part here: its end-to-end run is widget/test/e2e.test.js.
 */
public class DemoWireMockResource implements QuarkusTestResourceLifecycleManager {
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(false));
        server.start();
        return Map.of("quarkus.rest-client.commerce-gateway.url", server.baseUrl(),
                "quarkus.rest-client.cart-service.url", server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
