package io.csc.gateway.support;

import java.util.Map;

import io.csc.test.WireMockResource;

/**
 * A misbehaving "store" on a dynamic port, for failures the demo store will not produce (5xx, hangs, refused keys);
 * tests get it through {@link io.csc.test.InjectWireMock} and register it as a store at {@code test.wiremock.url}.
 */
public class WireMockStore extends WireMockResource {

    @Override
    protected Map<String, String> config(String baseUrl) {
        return Map.of("test.wiremock.url", baseUrl);
    }
}
