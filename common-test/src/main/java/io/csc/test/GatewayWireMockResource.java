package io.csc.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * commerce-gateway's internal API on a free port, pointed to by {@code quarkus.rest-client.commerce-gateway.url} (the
 * client key every service uses), with {@link GatewayStubs#demoStore} installed; tests add or replace stubs through
 * {@link InjectWireMock}. Response templates are applied only to stubs that ask for them.
 */
public class GatewayWireMockResource extends WireMockResource {

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("quarkus.rest-client.commerce-gateway.url", baseUrl);
    }

    @Override
    protected WireMockConfiguration options(WireMockConfiguration defaults) {
        return defaults.bindAddress("127.0.0.1").globalTemplating(false);
    }

    @Override
    protected void stubs(WireMockServer server) {
        GatewayStubs.demoStore(server);
    }
}
