package io.csc.test;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server on a free port for the length of a Quarkus test run: started, injected into the test's
 * {@link InjectWireMock} fields, stopped. A subclass says which configuration points the service at it
 * ({@link #config}), and may set the server up ({@link #options}) and install the stubs every test starts from
 * ({@link #stubs}).
 */
public abstract class WireMockResource implements QuarkusTestResourceLifecycleManager {
    private WireMockServer server;

    /** The configuration that sends the service's calls to {@code baseUrl}. */
    protected abstract Map<String, String> config(String baseUrl);

    /** The server's options; by default a free port on every local address. */
    protected WireMockConfiguration options(WireMockConfiguration defaults) {
        return defaults;
    }

    /** Stubs installed before the first test. */
    protected void stubs(WireMockServer server) {
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options(WireMockConfiguration.wireMockConfig().dynamicPort()));
        server.start();
        stubs(server);
        return config(server.baseUrl());
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
