package io.csc.chat.embedding;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quarkus.logging.Log;

/**
 * The process's one in-process embedding model (all-MiniLM-L6-v2, quantized; ONNX weights inside the jar: no download,
 * no key), shared by the built-in assistant's understanding and knowledge ranking: each copy costs about 100 MB and
 * half a second to load.
 * <p>
 * The bean is a lazy client proxy: the model loads on its first use, so with both users switched off
 * ({@code chat.builtin.embeddings=false}, {@code chat.knowledge.embeddings=false} or another knowledge provider) it never
 * loads. When it cannot load (natives that cannot be unpacked, e.g. a read-only temp directory) every use throws
 * {@link EmbeddingUnavailableException} at once, without trying again: the built-in assistant then runs on its rules
 * and knowledge on full-text search alone.
 */
@Singleton
public class EmbeddingModelProducer {
    /** What a stored vector of this model is labelled with: vectors of different models are never compared. */
    public static final String IN_PROCESS_MODEL_ID = "all-minilm-l6-v2-q";

    private final AtomicInteger loads = new AtomicInteger();
    private volatile Throwable failure;

    @Produces
    @ApplicationScoped
    EmbeddingModel inProcessModel() {
        Throwable failed = failure;
        if (failed != null) {
            throw new EmbeddingUnavailableException(failed);
        }
        long start = System.nanoTime();
        try {
            EmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            loads.incrementAndGet();
            Log.infof("Embedding model (all-MiniLM-L6-v2, quantized, in process) loaded in %d ms",
                    (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (RuntimeException | LinkageError e) {
            failure = e;
            Log.warnf("Embedding model unavailable (%s): the built-in assistant uses its rules, knowledge its "
                    + "full-text search", e.getClass().getSimpleName());
            throw new EmbeddingUnavailableException(e);
        }
    }

    /** How many times this application loaded the model: at most once, whatever uses it. */
    public int loads() {
        return loads.get();
    }
}
