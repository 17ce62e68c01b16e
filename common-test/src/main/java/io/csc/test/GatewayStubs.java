package io.csc.test;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * commerce-gateway's internal routes as docs/internal-api.md defines them (shapes, status codes, error codes), for
 * every service's tests. {@link #demoStore} answers with the demo store's facts: customer 2 Alice Johnson owns order
 * 47, customer 3 Bob Smith, guest Carol Guest placed order 52; every store domain answers alike, except
 * {@code unknown-*} (unknown tenant), {@code down-*} (gateway unreachable), {@code broken-*} (the store is down behind
 * the gateway: 503 {@code store_unavailable}) and {@code refusing-*} (400 to everything). Emails WooCommerce refuses
 * (non-ASCII) get its 400 {@code rest_invalid_param}. A call without the internal token gets 401.
 */
public final class GatewayStubs {
    public static final String TOKEN = "test-internal-token-0123456789";
    public static final String ALICE = "alice.johnson@example.com";
    public static final String BOB = "bob.smith@example.com";
    public static final String CAROL_GUEST = "carol.guest@example.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private GatewayStubs() {
    }

    public static void demoStore(WireMockServer server) {
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

        // WooCommerce refuses what WordPress' is_email() refuses (rest_invalid_param), and the gateway passes that on.
        server.stubFor(
                authed(get(urlPathEqualTo("/internal/customers"))).withQueryParam("email", matching(".*[^\\x00-\\x7F].*"))
                        .atPriority(5).willReturn(error(400, "rest_invalid_param")));
        server.stubFor(authed(get(urlPathMatching("/internal/orders/[0-9]+")))
                .withQueryParam("email", matching(".*[^\\x00-\\x7F].*")).atPriority(5)
                .willReturn(error(400, "rest_invalid_param")));
        // refusing-* stores: the gateway answers 400 to everything; broken-* stores: the store is down behind the gateway.
        server.stubFor(get(urlPathMatching("/internal/(customers|orders/[0-9]+)"))
                .withQueryParam("domain", matching("refusing-.*")).atPriority(1).willReturn(error(400, "rest_invalid_param")));
        server.stubFor(get(urlPathMatching("/internal/(customers|orders/[0-9]+)"))
                .withQueryParam("domain", matching("broken-.*")).atPriority(1).willReturn(error(503, "store_unavailable")));
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

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    public static ResponseDefinitionBuilder error(int status, String code) {
        return json(status, "{\"success\": false, \"error\": \"refused\", \"code\": \"" + code + "\"}");
    }

    public static String order(long id, String status, String total) {
        return """
                {"id": %d, "number": "%d", "status": "%s", "currency": "USD", "total": "%s", "shippingTotal": "5.00",
                 "dateCreated": "2026-11-23T22:12:12", "dateCompleted": null, "paymentMethodTitle": "Direct bank transfer",
                 "lineItems": [], "shipping": null, "tracking": [], "refunds": [], "cancellable": false}"""
                .formatted(id, id, status, total);
    }

    /** One tenant as {@code GET /internal/tenants/{domain}} answers it, with its own plugin secret. */
    public static void tenant(WireMockServer server, String domain, String pluginSecret) {
        server.stubFor(get(urlEqualTo("/internal/tenants/" + domain)).willReturn(json(200, write(Map.of("domain", domain,
                "storeName", "Mug & Tea Shop", "storeUrl", "https://" + domain + "/", "woocommerceEnabled", true,
                "allowedOrigins", List.of("https://" + domain), "pluginSecret", pluginSecret, "supportEmail",
                "help@" + domain, "developmentStore", false)))));
    }

    /** {@code POST /internal/stock/check}: an empty list means "all available" (ItemAvailabilityResponse over no items). */
    public static void stockAvailable(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/internal/stock/check")).atPriority(10).willReturn(json(200, "{\"items\":[]}")));
    }

    /** {@code POST /internal/coupons}: 201 with a code made of the request's prefix and reference (one per reference). */
    public static void coupons(WireMockServer server) {
        server.stubFor(post(urlPathEqualTo("/internal/coupons")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"id\": 77, \"code\": \"{{jsonPath request.body '$.prefix'}}-{{jsonPath request.body '$.reference'}}\","
                                + " \"percent\": {{jsonPath request.body '$.percent'}},"
                                + " \"expiresAt\": \"{{jsonPath request.body '$.expiresAt'}}\"}")
                .withTransformers("response-template")));
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
