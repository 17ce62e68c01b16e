package io.csc.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * commerce-gateway's internal API on a free port, pointed to by {@code quarkus.rest-client.commerce-gateway.url} (the
 * client key every service uses), with {@link GatewayStubs#demoStore} installed; tests add or replace stubs through
 * {@link InjectWireMock}. Response templates are applied only to stubs that ask for them.
 */
public class GatewayWireMockResource implements QuarkusTestResourceLifecycleManager {
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .globalTemplating(false));
        server.start();
        GatewayStubs.demoStore(server);
        return Map.of("quarkus.rest-client.commerce-gateway.url", server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
