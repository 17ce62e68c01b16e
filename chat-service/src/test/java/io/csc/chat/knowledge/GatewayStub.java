package io.csc.chat.knowledge;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** commerce-gateway's internal routes on a dynamic port, answered with the demo store's recorded shapes. */
public class GatewayStub implements QuarkusTestResourceLifecycleManager {
    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.commerce-gateway.url", server.baseUrl(),
                // a test that takes the store down must not leave the breaker open for the next one
                "io.csc.chat.knowledge.KnowledgeGatewayClient/CircuitBreaker/enabled", "false",
                "io.csc.chat.knowledge.KnowledgeGatewayClient/Retry/delay", "0",
                // store events on a stream of this run's own (Redis is shared with other test runs)
                "chat.knowledge.events.stream", "csc:store-events:test:" + java.util.UUID.randomUUID());
    }

    /**
     * Started after the global test resources (support.ServicesResource points the same client elsewhere): of two
     * resources setting one property, the later one's value is used.
     */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectGatewayStub.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
