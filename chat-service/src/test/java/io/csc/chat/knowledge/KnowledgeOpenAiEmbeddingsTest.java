package io.csc.chat.knowledge;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.csc.chat.embedding.EmbeddingModelProducer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code chat.knowledge.embedding-provider=openai} with a key: passages and questions are embedded by the provider
 * ({@code POST /v1/embeddings}, stubbed), in batches; every vector is labelled with its model; vectors of another model
 * (an index made before the switch) are never compared with the provider's and are embedded again by the next
 * re-index; a provider that fails leaves the previous passages in place.
 */
@QuarkusTest
@TestProfile(OpenAiEmbeddingsProfile.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KnowledgeOpenAiEmbeddingsTest {
    static final String DOMAIN = "openai-embeddings.knowledge.test";
    static final String ADMIN = "Bearer test-admin-token-0123456789";
    static final String LABEL = "openai:" + OpenAiEmbeddingsStub.MODEL;

    @InjectGatewayStub
    WireMockServer gateway;

    @Inject
    KnowledgeService knowledge;

    @Inject
    KnowledgeIndex index;

    @Inject
    KnowledgeEmbedder embedder;

    @Inject
    Pool pool;

    @BeforeAll
    void cleanStore() {
        DemoContent.forget(pool, DOMAIN);
        DemoContent.demoStore(DOMAIN).serve(gateway);
    }

    @Test
    @Order(1)
    void passagesAreEmbeddedByTheProviderInBatches() {
        assertEquals(LABEL, embedder.modelId());
        reindex().statusCode(200).body("failed.size()", equalTo(0));
        int passages = count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1");
        assertTrue(passages > 50);
        assertEquals(passages, count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND embedding_model = '"
                + LABEL + "' AND length(embedding) = " + OpenAiEmbeddingsStub.DIMENSIONS * 4), "every vector the provider's");

        List<LoggedRequest> calls = OpenAiEmbeddingsStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/embeddings")));
        assertFalse(calls.isEmpty());
        assertTrue(calls.size() < passages, "passages are sent in batches: " + calls.size() + " requests");
        OpenAiEmbeddingsStub.server().verify(postRequestedFor(urlPathEqualTo("/v1/embeddings"))
                .withHeader("Authorization", WireMock.equalTo("Bearer " + OpenAiEmbeddingsStub.KEY))
                .withRequestBody(WireMock.matchingJsonPath("$.model", WireMock.equalTo(OpenAiEmbeddingsStub.MODEL))));
    }

    @Test
    @Order(2)
    void questionsAreEmbeddedByTheProviderToo() {
        int before = OpenAiEmbeddingsStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/embeddings"))).size();
        List<KnowledgeHit> hits = knowledge.search(DOMAIN, "What is your refund and returns policy?").await()
                .indefinitely().hits();
        assertFalse(hits.isEmpty());
        assertEquals("page:9", hits.get(0).sourceKey(), hits.toString());
        assertTrue(hits.get(0).meaning() > 0, "ranked by the provider's vectors: " + hits.get(0));
        assertEquals(before + 1,
                OpenAiEmbeddingsStub.server().findAll(postRequestedFor(urlPathEqualTo("/v1/embeddings"))).size());
    }

    @Test
    @Order(3)
    void vectorsOfAnotherModelAreNeverComparedAndAreEmbeddedAgain() {
        // page 9's passages as an index made with the in-process model left them (384 dimensions)
        pool.preparedQuery("UPDATE chat.knowledge_passage SET embedding_model = $2, embedding = $3 WHERE domain = $1 "
                + "AND source_key = 'page:9'")
                .execute(Tuple.of(DOMAIN, EmbeddingModelProducer.IN_PROCESS_MODEL_ID,
                        KnowledgeRepository.toBytes(new float[384])))
                .await().indefinitely();
        int page9 = count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND source_key = 'page:9'");
        index.invalidate(DOMAIN);
        KnowledgeIndex.TenantIndex tenant = index.get(DOMAIN).await().indefinitely();
        assertEquals(page9, tenant.stale(), "the other model's vectors are not loaded");
        for (int i = 0; i < tenant.passages().size(); i++) {
            assertEquals(!tenant.passages().get(i).sourceKey().equals("page:9"), tenant.hasVector()[i]);
        }

        reindex().statusCode(200).body("changed", equalTo(1)).body("added", equalTo(0)).body("removed", equalTo(0));
        assertEquals(0,
                count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1 AND embedding_model IS DISTINCT FROM '"
                        + LABEL + "'"),
                "embedded again by the provider");
        reindex().statusCode(200).body("changed", equalTo(0));
    }

    @Test
    @Order(4)
    void aFailingProviderKeepsThePreviousPassages() {
        int before = count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1");
        OpenAiEmbeddingsStub.server().resetAll();
        OpenAiEmbeddingsStub.server().stubFor(WireMock.post(urlPathEqualTo("/v1/embeddings"))
                .willReturn(WireMock.serverError().withBody("{\"error\": {\"message\": \"overloaded\"}}")));
        try {
            DemoContent.demoStore(DOMAIN).editPage(9, p -> {
                p.put("modified_gmt", "2026-11-27T08:00:00");
                return p;
            }).serve(gateway);
            reindex().statusCode(503).body("success", equalTo(false)).body("code", equalTo("embeddings_unavailable"));
            assertEquals(before, count("SELECT count(*) FROM chat.knowledge_passage WHERE domain = $1"));
            // a question the provider cannot embed is ranked by full text alone
            List<KnowledgeHit> hits = knowledge.search(DOMAIN, "return policy refund").await().indefinitely().hits();
            assertTrue(hits.stream().allMatch(h -> h.meaning() == 0), hits.toString());
        } finally {
            OpenAiEmbeddingsStub.answer();
            DemoContent.demoStore(DOMAIN).serve(gateway);
        }
    }

    private io.restassured.response.ValidatableResponse reindex() {
        return RestAssured.given().header("Authorization", ADMIN).queryParam("domain", DOMAIN)
                .post("/api/admin/chat/knowledge/reindex").then();
    }

    private int count(String sql) {
        return pool.preparedQuery(sql).execute(Tuple.of(DOMAIN)).await().indefinitely().iterator().next().getLong(0)
                .intValue();
    }
}
