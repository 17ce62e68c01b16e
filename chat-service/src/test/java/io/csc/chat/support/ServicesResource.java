package io.csc.chat.support;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The three services chat calls, as WireMock servers on free ports ({@link Stubs}), and a real SMTP server (GreenMail)
 * for handoff mail. Static, because one Quarkus application serves every test class of a profile.
 */
public class ServicesResource implements QuarkusTestResourceLifecycleManager {
    public static WireMockServer gateway;
    public static WireMockServer verification;
    public static WireMockServer cart;
    public static GreenMail mail;

    @Override
    public Map<String, String> start() {
        gateway = server();
        verification = server();
        cart = server();
        reset();
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.rest-client.commerce-gateway.url", gateway.baseUrl());
        config.put("quarkus.rest-client.verification-service.url", verification.baseUrl());
        config.put("quarkus.rest-client.cart-service.url", cart.baseUrl());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(mail.getSmtp().getPort()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.from", "Chat <no-reply@chat.test>");
        return config;
    }

    /** Back to the default stubs (tests add their own on top). */
    public static void reset() {
        gateway.resetAll();
        verification.resetAll();
        cart.resetAll();
        Stubs.gateway(gateway);
        Stubs.verification(verification);
        Stubs.cart(cart);
    }

    private static WireMockServer server() {
        WireMockServer s = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").templatingEnabled(true));
        s.start();
        return s;
    }

    @Override
    public void stop() {
        for (WireMockServer s : new WireMockServer[]{gateway, verification, cart}) {
            if (s != null) {
                s.stop();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }
}
