package io.csc.chat.knowledge;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.support.Api;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Knowledge evaluated at the answer level, through {@code POST /api/chat} over the demo store's indexed pages and its
 * store profile: for each question of {@code knowledge/policy-answers.psv} the built-in assistant's reply must state the
 * expected fact and cite the right page first (or, for a fact the store's settings hold, need no page), with no handoff.
 * A question routed elsewhere (to the orders, to the catalogue) fails it. The score is printed and kept in the README.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
class PolicyAnswersEvalTest {
    static final String DOMAIN = "policy.answers.test";
    /** The least share of questions answered right; the README gives the current figure. */
    static final double FLOOR = 0.9;

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    Pool pool;

    @Inject
    IngestService ingest;

    record Case(String question, List<String> phrases, String page) {
    }

    static List<Case> cases() {
        List<Case> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(PolicyAnswersEvalTest.class.getClassLoader()
                .getResourceAsStream("knowledge/policy-answers.psv"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|");
                out.add(new Case(f[0].trim(), List.of(f[1].trim().split(";")), f[2].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Test
    void policyQuestionsStateTheFactAndCiteTheRightPage() {
        DemoContent.forget(pool, DOMAIN);
        DemoContent.demoStore(DOMAIN).serve(gateway);
        ingest.reindex(DOMAIN, null).await().indefinitely();
        List<Case> cases = cases();
        List<String> wrong = new ArrayList<>();
        int right = 0;
        for (Case c : cases) {
            JsonPath r = Api.chat(Api.randomIp(), Map.of("message", c.question(), "session_id", Api.session(), "domain",
                    DOMAIN)).then().statusCode(200).extract().jsonPath();
            String message = r.getString("message");
            List<String> titles = r.getList("sources.title");
            String first = titles == null || titles.isEmpty() ? null : titles.get(0);
            boolean states = c.phrases().stream().anyMatch(message::contains);
            boolean cites = "settings".equals(c.page()) || first != null && first.startsWith(c.page());
            boolean handedOff = "true".equals(r.getString("ui.handoff"));
            String line = c.question() + " -> [" + first + "] " + message.replace('\n', ' ');
            System.out.println("policy answer: " + (states && cites && !handedOff ? "ok   " : "MISS ") + line);
            if (states && cites && !handedOff) {
                right++;
            } else {
                wrong.add(line);
            }
        }
        double score = (double) right / cases.size();
        System.out.printf("policy answers: %d/%d = %.3f%n", right, cases.size(), score);
        assertTrue(score >= FLOOR, "answer-level score " + score + ", wrong:\n" + String.join("\n", wrong));
    }
}
