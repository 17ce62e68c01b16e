package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.MessageAnalyser;
import io.csc.chat.understanding.StoreFacts;
import io.csc.chat.understanding.Topic;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Store questions phrased unlike the pages, at the answer level: the real knowledge search (PostgreSQL full text and
 * the in-process embeddings) over the demo store's indexed pages, queried with {@link StoreFacts#searchQuery}, then
 * {@link StoreFacts#answer} on its passages: the answer must state the fact, with the right page as its source.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayStub.class, restrictToAnnotatedClass = true)
class StoreFactsSearchTest {
    static final String DOMAIN = "facts.knowledge.test";

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    IngestService ingest;

    @Inject
    KnowledgeService knowledge;

    @Inject
    KnowledgeConfig config;

    @Inject
    Pool pool;

    record Case(String question, Language language, String page, String fact) {
    }

    static final List<Case> CASES = List.of(
            new Case("who pays customs", Language.EN, "Shipping", "recipient"),
            new Case("wer zahlt den Zoll?", Language.DE, "Shipping", "duties"),
            new Case("what's your phone number", Language.EN, "Frequently Asked Questions", "207-555-0142"),
            new Case("how can i contact you by email", Language.EN, "Frequently Asked Questions", "help@harborgoods.example"),
            new Case("can I exchange a shirt for another size", Language.EN, "Refund and Returns Policy", "size"),
            new Case("is there a warranty on electronics", Language.EN, "Terms and Conditions", "1-year"),
            new Case("how long does delivery take to canada", Language.EN, "Shipping", "business days"),
            new Case("how many days do i have to return something", Language.EN, "Refund and Returns Policy", "30 days"));

    @Test
    void hardQuestionsAreAnsweredFromTheRightPage() {
        DemoContent.forget(pool, DOMAIN);
        DemoContent.richHtml(DOMAIN).serve(gateway);
        ingest.reindex(DOMAIN, null).await().indefinitely();
        List<String> wrong = new ArrayList<>();
        for (Case c : CASES) {
            Topic topic = MessageAnalyser.analyse(c.question(), c.language()).topic();
            String query = StoreFacts.searchQuery(c.question(), topic);
            List<KnowledgeHit> hits = knowledge.search(DOMAIN, query, KnowledgeService.Mode.COMBINED, 3,
                    config.minRelevance()).await().indefinitely().hits();
            StoreFacts.Answer a = StoreFacts.answer(c.question(), topic, c.language(), null, hits);
            String got = c.question() + " [" + topic + ", query: " + query + "] -> "
                    + (a.sourceTitle() == null ? "-" : a.sourceTitle()) + ": " + a.text().replace('\n', ' ');
            System.out.println("facts: " + got);
            if (!a.known() || a.sourceTitle() == null || !a.sourceTitle().startsWith(c.page())
                    || !a.text().contains(c.fact())) {
                wrong.add(got);
            }
        }
        assertTrue(wrong.isEmpty(), "not answered from the right page:\n" + String.join("\n", wrong));
    }
}
