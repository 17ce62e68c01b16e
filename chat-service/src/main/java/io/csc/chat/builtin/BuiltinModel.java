package io.csc.chat.builtin;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.EmbeddingModel;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;

/**
 * The understanding of the built-in assistant, built once at start: the process's shared in-process embedding model
 * ({@link io.csc.chat.embedding.EmbeddingModelProducer}, also used by knowledge ranking) and the intent prototypes
 * embedded once.
 */
@ApplicationScoped
@Startup
public class BuiltinModel {

    private final Understander understander;
    private final EmbeddingModel model;

    public BuiltinModel(BuiltinConfig config, EmbeddingModel model) {
        this.model = model;
        IntentEmbeddings embeddings = null;
        if (config.embeddings()) {
            long start = System.nanoTime();
            try {
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

    /** The embedding model this assistant was given (the shared bean; used or not, per {@code chat.builtin.embeddings}). */
    public EmbeddingModel embeddingModel() {
        return model;
    }
}
