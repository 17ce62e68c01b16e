package io.csc.verification.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * commerce-gateway's internal routes as docs/internal-api.md defines them, answering with the demo store's facts:
 * customer 2 Alice Johnson owns order 47, customer 3 Bob Smith, guest Carol Guest placed order 52. Every store domain
 * answers alike (tests use a fresh domain per run, so Redis counters never carry over); {@code unknown-*} domains are
 * unknown tenants and {@code down-*} domains find the gateway unreachable. A call without the internal token gets 401.
 */
public class GatewayWireMockResource implements QuarkusTestResourceLifecycleManager {
    public static final String TOKEN = "test-internal-token-0123456789";
    public static final String ALICE = "alice.johnson@example.com";
    public static final String BOB = "bob.smith@example.com";
    public static final String CAROL_GUEST = "carol.guest@example.com";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubDemoStore(server);
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

    static void stubDemoStore(WireMockServer server) {
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(error(401, "unauthorized")));

        server.stubFor(authed(get(urlPathMatching("/internal/tenants/[^/]+"))).atPriority(10).willReturn(json(200, """
                {"domain": "demo-store.example.com", "storeName": "Demo Store", "storeUrl": "http://127.0.0.1:8090",
                 "woocommerceEnabled": true, "allowedOrigins": ["http://127.0.0.1:8090"], "pluginSecret": "plugin-secret",
                 "supportEmail": "support@demo-store.example.com", "developmentStore": true}""")));

        server.stubFor(authed(get(urlPathEqualTo("/internal/customers"))).atPriority(20)
                .willReturn(error(404, "customer_not_found")));
        server.stubFor(authed(get(urlPathEqualTo("/internal/customers"))).withQueryParam("email", equalTo(ALICE))
                .atPriority(10).willReturn(json(200, """
                        {"id": 2, "email": "alice.johnson@example.com", "firstName": "Alice", "lastName": "Johnson",
                         "username": "alice_johnson", "payingCustomer": true, "dateCreated": "2026-11-23T22:12:10"}""")));
        server.stubFor(authed(get(urlPathEqualTo("/internal/customers"))).withQueryParam("email", equalTo(BOB))
                .atPriority(10).willReturn(json(200, """
                        {"id": 3, "email": "bob.smith@example.com", "firstName": "Bob", "lastName": "Smith",
                         "username": "bob_smith", "payingCustomer": true, "dateCreated": "2026-11-23T22:12:10"}""")));

        server.stubFor(authed(get(urlPathMatching("/internal/orders/[0-9]+"))).atPriority(30)
                .willReturn(error(404, "order_not_found")));
        server.stubFor(authed(get(urlPathEqualTo("/internal/orders/47"))).atPriority(20)
                .willReturn(error(403, "order_not_owned")));
        server.stubFor(authed(get(urlPathEqualTo("/internal/orders/47"))).withQueryParam("email", equalTo(ALICE))
                .atPriority(10).willReturn(json(200, order(47, "completed", "59.38"))));
        server.stubFor(authed(get(urlPathEqualTo("/internal/orders/52"))).atPriority(20)
                .willReturn(error(403, "order_not_owned")));
        server.stubFor(authed(get(urlPathEqualTo("/internal/orders/52"))).withQueryParam("email", equalTo(CAROL_GUEST))
                .atPriority(10).willReturn(json(200, order(52, "processing", "24.99"))));

        server.stubFor(get(urlPathMatching("/internal/tenants/unknown-.*")).atPriority(1)
                .willReturn(error(404, "tenant_not_found")));
        server.stubFor(get(urlPathMatching("/internal/(customers|orders/[0-9]+)"))
                .withQueryParam("domain", matching("unknown-.*")).atPriority(1).willReturn(error(404, "tenant_not_found")));
        server.stubFor(get(urlPathMatching("/internal/tenants/down-.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(get(urlPathMatching("/internal/(customers|orders/[0-9]+)"))
                .withQueryParam("domain", matching("down-.*")).atPriority(1)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    private static MappingBuilder authed(MappingBuilder mapping) {
        return mapping.withHeader("X-Internal-Token", equalTo(TOKEN));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder error(int status, String code) {
        return json(status, "{\"success\": false, \"error\": \"refused\", \"code\": \"" + code + "\"}");
    }

    private static String order(long id, String status, String total) {
        return """
                {"id": %d, "number": "%d", "status": "%s", "currency": "USD", "total": "%s", "shippingTotal": "5.00",
                 "dateCreated": "2026-11-23T22:12:12", "dateCompleted": null, "paymentMethodTitle": "Direct bank transfer",
                 "lineItems": [], "shipping": null, "tracking": [], "refunds": [], "cancellable": false}"""
                .formatted(id, id, status, total);
    }
}
