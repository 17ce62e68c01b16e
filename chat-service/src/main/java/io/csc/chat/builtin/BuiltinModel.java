package io.csc.chat.builtin;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The understanding of the built-in assistant, built once at start: the in-process embedding model (ONNX weights in
 * the jar, no download, no key) loaded once and the intent prototypes embedded once.
 */
@ApplicationScoped
@Startup
public class BuiltinModel {

    private final Understander understander;

    public BuiltinModel(BuiltinConfig config) {
        IntentEmbeddings embeddings = null;
        if (config.embeddings()) {
            long start = System.nanoTime();
            try {
                AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
                embeddings = new IntentEmbeddings(t -> model.embed(t).content().vector(), config.embeddingCacheSize());
                Log.infof("Built-in assistant: embedding model and intent prototypes ready in %d ms",
                        (System.nanoTime() - start) / 1_000_000);
            } catch (RuntimeException | LinkageError e) {
                // e.g. natives that cannot be unpacked (read-only temp dir): the rules still answer, and say so
                Log.warnf("Built-in assistant: embedding model unavailable (%s); rules only", e.getClass().getSimpleName());
                embeddings = null;
            }
        }
        this.understander = new Understander(embeddings, config.minScore(), config.minMargin());
    }

    public Understander understander() {
        return understander;
    }
}
