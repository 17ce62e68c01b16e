package io.csc.chat.eval;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** chat-service wired to the real services of {@link EvalStack}, built-in assistant, no rate limit in the way. */
public class EvalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        EvalStack stack = EvalStack.get();
        Map<String, String> c = new HashMap<>();
        c.put("quarkus.rest-client.commerce-gateway.url", stack.gatewayUrl);
        c.put("quarkus.rest-client.verification-service.url", stack.verificationUrl);
        // no cart-service: no task asks about a cart
        c.put("quarkus.rest-client.cart-service.url", "http://127.0.0.1:9");
        c.put("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + EvalStack.DATABASE);
        c.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + EvalStack.DATABASE);
        c.put("quarkus.mailer.host", "127.0.0.1");
        c.put("quarkus.mailer.port", Integer.toString(stack.mail.getSmtp().getPort()));
        c.put("quarkus.mailer.start-tls", "DISABLED");
        // "none" is the built-in assistant alone (an empty key does not resolve)
        c.put("chat.llm.api-key", "none");
        // keys of the other packages' groups (chat.llm.*) are read with @ConfigProperty too
        c.put("smallrye.config.mapping.validate-unknown", "false");
        c.put("chat.rate-limit.chat", "1000000");
        // the spec's consent question before a guest's email is used: every verifying shopper answers it
        c.put("chat.consent-required", "true");
        c.put("chat.rate-limit.customer-action", "1000000");
        return c;
    }
}
