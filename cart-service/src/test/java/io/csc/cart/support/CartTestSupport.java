package io.csc.cart.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.junit.jupiter.api.BeforeEach;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;

import io.csc.cart.abandonment.AbandonmentScanService;
import io.csc.cart.recovery.RecoveryService;
import io.csc.model.cart.ScanResult;
import io.csc.test.GatewayStubs;
import io.csc.test.GatewayWireMockResource;
import io.csc.test.GreenMailResource;
import io.csc.test.InjectGreenMail;
import io.csc.test.InjectWireMock;
import io.csc.test.TestClock;
import io.csc.web.PluginSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.restassured.RestAssured.given;

/**
 * Shared fixtures: a clean cart schema per test, the gateway stub (tenant, stock, coupons as docs/internal-api.md
 * documents them), a real SMTP server, signed plugin calls and the movable clock.
 */
@QuarkusTestResource(value = GatewayWireMockResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = GreenMailResource.class, restrictToAnnotatedClass = false)
public abstract class CartTestSupport {
    public static final String INTERNAL_TOKEN = "test-internal-token-0123456789";
    public static final String ADMIN_TOKEN = "test-admin-token";
    protected static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @InjectWireMock
    protected WireMockServer gateway;
    @InjectGreenMail
    protected GreenMail smtp;
    @Inject
    protected TestClock clock;
    @Inject
    protected Pool pool;
    @Inject
    protected AbandonmentScanService abandonment;
    @Inject
    protected RecoveryService recovery;

    @BeforeEach
    void cleanState() throws Exception {
        sql("TRUNCATE cart.cart_restores, cart.recovery_emails, cart.carts, cart.unsubscribes");
        gateway.resetAll();
        stubStockAvailable();
        stubCoupons();
        smtp.purgeEmailFromAllMailboxes();
    }

    // ---- tenants and gateway stubs

    protected String newTenant() {
        String domain = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        stubTenant(domain);
        return domain;
    }

    protected static String secretOf(String domain) {
        return "plugin-secret-of-" + domain;
    }

    protected void stubTenant(String domain) {
        GatewayStubs.tenant(gateway, domain, secretOf(domain));
    }

    protected void stubStockAvailable() {
        GatewayStubs.stockAvailable(gateway);
    }

    protected void stubCoupons() {
        GatewayStubs.coupons(gateway);
    }

    // ---- signed plugin calls

    protected Response sendEvent(String domain, Map<String, Object> event) {
        return sendRaw(domain, json(event));
    }

    protected Response sendRaw(String domain, String body) {
        long ts = clock.instant().getEpochSecond();
        return given().contentType("application/json").header(PluginSignature.DOMAIN_HEADER, domain)
                .header(PluginSignature.TIMESTAMP_HEADER, Long.toString(ts))
                .header(PluginSignature.SIGNATURE_HEADER, PluginSignature.sign(secretOf(domain), ts, body))
                .body(body).post("/api/carts/events");
    }

    protected static List<Map<String, Object>> items() {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(Map.of("id", "k1", "productId", 11, "variationId", 0, "name", "Blue Mug", "quantity", 2, "price", "12.50",
                "sku", "MUG-B"));
        items.add(Map.of("id", "k2", "productId", 12, "variationId", 31, "name", "Tea <Sampler>", "quantity", 1, "price",
                "9.99", "variation", "Size: L"));
        return items;
    }

    protected Map<String, Object> cartUpdated(String session, String userId, String email, Instant at) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", "cart_updated");
        e.put("sessionId", session);
        e.put("userId", userId);
        e.put("email", email);
        e.put("cartItems", items());
        e.put("cartTotal", "34.99");
        e.put("cartCurrency", "EUR");
        e.put("appliedCoupons", List.of());
        e.put("occurredAt", at.toString());
        return e;
    }

    protected Map<String, Object> event(String type, String session, Instant at, Object... kv) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("type", type);
        e.put("sessionId", session);
        e.put("occurredAt", at.toString());
        for (int i = 0; i < kv.length; i += 2) {
            e.put((String) kv[i], kv[i + 1]);
        }
        return e;
    }

    /** A registered shopper's cart with items and an email, idle from {@code at}. */
    protected void registeredCart(String domain, String session, String email, Instant at) {
        sendEvent(domain, cartUpdated(session, "42", email, at)).then().statusCode(200);
    }

    // ---- jobs, database, mail

    protected long scan() {
        return abandonment.scan().await().indefinitely();
    }

    protected ScanResult sendDue() {
        return recovery.sendDue().await().indefinitely();
    }

    protected RowSet<Row> sql(String sql, Object... args) {
        return pool.preparedQuery(sql).execute(Tuple.from(args)).await().indefinitely();
    }

    protected Row one(String sql, Object... args) {
        var it = sql(sql, args).iterator();
        return it.hasNext() ? it.next() : null;
    }

    protected long count(String sql, Object... args) {
        return one(sql, args).getLong(0);
    }

    protected List<MimeMessage> mailsTo(String email) throws Exception {
        List<MimeMessage> list = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            for (var to : m.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().equalsIgnoreCase(email)) {
                    list.add(m);
                }
            }
        }
        return list;
    }

    /** The decoded text/plain (or text/html) part of a message. */
    protected static String part(MimeMessage message, String type) throws Exception {
        Object content = message.getContent();
        if (content instanceof String s) {
            return message.isMimeType(type) ? s : "";
        }
        return find((MimeMultipart) content, type);
    }

    private static String find(MimeMultipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof MimeMultipart nested) {
                String found = find(nested, type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }

    protected static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
