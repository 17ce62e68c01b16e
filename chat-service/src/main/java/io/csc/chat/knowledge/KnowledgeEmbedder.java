package io.csc.chat.knowledge;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quarkus.logging.Log;

/**
 * The in-process embedding model (all-MiniLM-L6-v2, quantized; ONNX weights inside the jar: no download, no key),
 * loaded on first use. Vectors come back normalized, so a dot product is the cosine. CPU work: never call it on an
 * event-loop thread.
 */
@ApplicationScoped
public class KnowledgeEmbedder {
    private final boolean enabled;
    private volatile EmbeddingModel model;

    public KnowledgeEmbedder(KnowledgeConfig config) {
        this.enabled = config.embeddings();
    }

    public boolean enabled() {
        return enabled;
    }

    /** The unit vector of this text, or null when embeddings are off. */
    public float[] embed(String text) {
        if (!enabled) {
            return null;
        }
        return normalize(model().embed(text).content().vector());
    }

    private EmbeddingModel model() {
        EmbeddingModel m = model;
        if (m == null) {
            synchronized (this) {
                m = model;
                if (m == null) {
                    long start = System.nanoTime();
                    m = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = m;
                    Log.infof("Knowledge: embedding model loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        return m;
    }

    static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        if (sum == 0) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
