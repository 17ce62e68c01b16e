package io.csc.chat.knowledge;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * The built-in assistant answers store questions from the store's own pages, through {@code POST /api/chat}: the
 * returns page is the first source of "what is your return policy?", and a question no page answers gets no invented
 * policy but the offer to ask the team.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KnowledgeChatTest {
    static final String DOMAIN = "chat.knowledge.test";

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    Pool pool;

    @Inject
    IngestService ingest;

    @BeforeAll
    void indexTheDemoStore() {
        DemoContent.forget(pool, DOMAIN);
        DemoContent.demoStore(DOMAIN).serve(gateway);
        ingest.reindex(DOMAIN, null).await().indefinitely();
    }

    @Test
    void returnPolicyIsAnsweredFromTheReturnsPage() {
        chat("s-policy-1", "what is your return policy?").statusCode(200)
                .body("message", containsString("30 days"))
                .body("sources[0].url", equalTo("http://127.0.0.1:8088/refund_returns/"))
                .body("sources[0].title", equalTo("Refund and Returns Policy"));
    }

    @Test
    void aQuestionNoPageAnswersIsNotInvented() {
        chat("s-policy-2", "Do you have a loyalty points program?").statusCode(200)
                .body("sources", org.hamcrest.Matchers.anyOf(nullValue(), org.hamcrest.Matchers.empty()))
                .body("message", org.hamcrest.Matchers.not(containsString("From the store's pages")))
                .body("message", containsString("team"));
    }

    @Test
    void shippingQuestionAnswersFromTheShippingPage() {
        chat("s-policy-3", "do you ship to canada?").statusCode(200).body("sources", org.hamcrest.Matchers.not(nullValue()))
                .body("message", containsString("Canada")).body("message", containsString("Source: Shipping"));
    }

    private static ValidatableResponse chat(String session, String message) {
        // a client address of its own: the hourly chat limit of other test classes' clients does not apply
        return Api.chat(Api.randomIp(), Map.of("domain", DOMAIN, "session_id", session, "message", message)).then();
    }
}
