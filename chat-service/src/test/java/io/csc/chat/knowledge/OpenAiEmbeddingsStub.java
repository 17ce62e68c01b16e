package io.csc.chat.knowledge;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stand-in for an OpenAI-compatible {@code POST /v1/embeddings}: each input gets a {@link #DIMENSIONS}-dimension
 * vector of its hashed words (word stems counted), so texts sharing words are close, as with a real model, and every
 * input of a batch gets its own vector at its index, in the shape OpenAI answers.
 */
public class OpenAiEmbeddingsStub implements QuarkusTestResourceLifecycleManager {
    static final int DIMENSIONS = 64;
    static final String MODEL = "stub-embedding-model";
    static final String KEY = "test-openai-key";
    private static WireMockServer server;

    static WireMockServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().extensions(new Embeddings()));
        server.start();
        answer();
        return Map.of("quarkus.langchain4j.openai.base-url", "http://localhost:" + server.port() + "/v1/");
    }

    /** The normal answer (after a test made the provider fail). */
    static void answer() {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/v1/embeddings")).willReturn(aResponse().withTransformers(Embeddings.NAME)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static float[] vector(String text) {
        float[] v = new float[DIMENSIONS];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() < 3) {
                continue;
            }
            String stem = word.length() > 5 ? word.substring(0, 5) : word;
            v[Math.floorMod(stem.hashCode(), DIMENSIONS)] += 1;
        }
        return v;
    }

    /** Answers every input of the request with its vector. */
    public static class Embeddings implements ResponseDefinitionTransformerV2 {
        static final String NAME = "stub-embeddings";
        private static final ObjectMapper JSON = new ObjectMapper();

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            try {
                JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
                List<String> inputs = new ArrayList<>();
                JsonNode input = request.path("input");
                if (input.isArray()) {
                    input.forEach(i -> inputs.add(i.asText()));
                } else {
                    inputs.add(input.asText());
                }
                ObjectNode body = JSON.createObjectNode();
                body.put("object", "list");
                ArrayNode data = body.putArray("data");
                for (int i = 0; i < inputs.size(); i++) {
                    ObjectNode item = data.addObject();
                    item.put("object", "embedding");
                    item.put("index", i);
                    float[] v = vector(inputs.get(i));
                    if ("base64".equals(request.path("encoding_format").asText())) {
                        ByteBuffer bytes = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                        bytes.asFloatBuffer().put(v);
                        item.put("embedding", Base64.getEncoder().encodeToString(bytes.array()));
                    } else {
                        ArrayNode values = item.putArray("embedding");
                        for (float f : v) {
                            values.add(f);
                        }
                    }
                }
                body.put("model", request.path("model").asText());
                body.putObject("usage").put("prompt_tokens", inputs.size()).put("total_tokens", inputs.size());
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody(body.toString()).build();
            } catch (Exception e) {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(400).withBody(e.toString()).build();
            }
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
