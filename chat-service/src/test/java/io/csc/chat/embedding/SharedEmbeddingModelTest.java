package io.csc.chat.embedding;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.csc.chat.builtin.BuiltinModel;
import io.csc.chat.knowledge.KnowledgeEmbedder;
import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * One in-process embedding model per process: the built-in assistant and knowledge ranking get the same instance, and
 * using both loads it once.
 */
@QuarkusTest
class SharedEmbeddingModelTest {

    @Inject
    BuiltinModel builtin;

    @Inject
    KnowledgeEmbedder knowledge;

    @Inject
    EmbeddingModel shared;

    @Inject
    EmbeddingModelProducer producer;

    @Test
    void theAssistantAndKnowledgeShareOneModel() {
        // the built-in assistant embedded its intent prototypes at start: the model is loaded
        assertEquals(1, producer.loads());
        Object fromBuiltin = ClientProxy.unwrap(builtin.embeddingModel());
        Object fromKnowledge = ClientProxy.unwrap(knowledge.model());
        assertInstanceOf(AllMiniLmL6V2QuantizedEmbeddingModel.class, fromBuiltin);
        assertSame(fromBuiltin, fromKnowledge, "one instance for both");
        assertSame(fromBuiltin, ClientProxy.unwrap(shared));

        assertNotNull(knowledge.embed("What is your return policy?"));
        assertEquals(1, producer.loads(), "knowledge's first embedding loads nothing more");
        assertEquals(EmbeddingModelProducer.IN_PROCESS_MODEL_ID, knowledge.modelId());
    }
}
