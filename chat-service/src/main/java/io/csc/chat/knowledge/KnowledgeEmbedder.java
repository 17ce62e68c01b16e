package io.csc.chat.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.embedding.EmbeddingModelProducer;
import io.csc.chat.embedding.EmbeddingUnavailableException;
import io.quarkus.logging.Log;

/**
 * The embedding model knowledge ranks with, chosen at start ({@code chat.knowledge.embedding-provider}):
 * <ul>
 * <li>{@code local} (default): the process's shared in-process model (all-MiniLM-L6-v2; the built-in assistant uses
 * the same instance). When it cannot load, knowledge runs on full-text search alone.</li>
 * <li>{@code openai}: the provider's embedding model on the LLM mode's server ({@code OPENAI_API_KEY},
 * {@code OPENAI_BASE_URL}); without a key the local model is used, with a warning.</li>
 * </ul>
 * Every stored vector is labelled with {@link #modelId()}: vectors of another model (or dimension) are never compared
 * with this model's, and a re-index embeds such passages again. Vectors come back normalized, so a dot product is the
 * cosine. Questions' vectors are kept in an LRU cache. CPU or network work: never call it on an event-loop thread.
 */
@ApplicationScoped
public class KnowledgeEmbedder {
    /** Texts per provider request while a re-index embeds its passages. */
    private static final int BATCH = 128;

    private final boolean enabled;
    private final EmbeddingModel model;
    private final String modelId;
    /** The in-process model failed to load: nothing to retry, full-text search from now on. */
    private volatile boolean unavailable;
    private final Map<String, float[]> questions;

    public KnowledgeEmbedder(KnowledgeConfig config, EmbeddingModel local, ChatConfig chat,
            @ConfigProperty(name = "quarkus.langchain4j.openai.base-url") String openAiBaseUrl,
            @ConfigProperty(name = "quarkus.langchain4j.openai.timeout", defaultValue = "20s") Duration openAiTimeout) {
        this.enabled = config.embeddings();
        String key = chat.llm().apiKey().filter(k -> !k.isBlank()).orElse(null);
        if (config.embeddingProvider() == KnowledgeConfig.EmbeddingProvider.OPENAI && key != null) {
            this.model = OpenAiEmbeddingModel.builder().baseUrl(openAiBaseUrl).apiKey(key)
                    .modelName(config.openaiEmbeddingModel()).timeout(openAiTimeout).maxRetries(1)
                    // vectors as base64 (as OpenAI's own clients ask): a quarter of the bytes, and the float-array
                    // reader of langchain4j fails under this service's strict JSON (FAIL_ON_TRAILING_TOKENS)
                    .encodingFormat("base64").build();
            this.modelId = "openai:" + config.openaiEmbeddingModel();
        } else {
            if (config.embeddingProvider() == KnowledgeConfig.EmbeddingProvider.OPENAI && enabled) {
                Log.warn("Knowledge: embedding-provider=openai needs OPENAI_API_KEY; using the in-process model");
            }
            this.model = local;
            this.modelId = EmbeddingModelProducer.IN_PROCESS_MODEL_ID;
        }
        int size = config.questionCacheSize();
        this.questions = new LinkedHashMap<>(Math.min(size, 1024) * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > size;
            }
        };
    }

    /** Whether vectors are made at all (off, or the in-process model could not load: full-text search only). */
    public boolean enabled() {
        return enabled && !unavailable;
    }

    /** The label of this model's vectors, or null when none are made. */
    public String modelId() {
        return enabled() ? modelId : null;
    }

    /** The model in use (the shared in-process bean unless the provider's is configured). */
    public EmbeddingModel model() {
        return model;
    }

    /**
     * A question's unit vector (cached), or null when embeddings are off or the in-process model is unavailable.
     * A provider failure is thrown: the search then ranks this question by full text alone.
     */
    public float[] embedQuestion(String question) {
        if (!enabled()) {
            return null;
        }
        synchronized (questions) {
            float[] hit = questions.get(question);
            if (hit != null) {
                return hit;
            }
        }
        float[] v = embed(question);
        if (v != null) {
            synchronized (questions) {
                questions.put(question, v);
            }
        }
        return v;
    }

    /** Benchmarks: the next question is embedded anew. */
    void forgetQuestions() {
        synchronized (questions) {
            questions.clear();
        }
    }

    /** The unit vector of this text, or null when embeddings are off or unavailable. */
    public float[] embed(String text) {
        if (!enabled()) {
            return null;
        }
        try {
            return normalize(model.embed(text).content().vector());
        } catch (RuntimeException | LinkageError e) {
            if (markUnavailable(e)) {
                return null;
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The unit vectors of these texts, in order, in batches (one request per batch with a provider); all null when
     * embeddings are off or unavailable. A provider failure is thrown: the re-index fails and keeps the previous passages
     * rather than writing passages without vectors.
     */
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        if (!enabled()) {
            texts.forEach(t -> out.add(null));
            return out;
        }
        try {
            for (int from = 0; from < texts.size(); from += BATCH) {
                List<TextSegment> batch = texts.subList(from, Math.min(texts.size(), from + BATCH)).stream()
                        .map(TextSegment::from).toList();
                List<Embedding> vectors = model.embedAll(batch).content();
                if (vectors.size() != batch.size()) {
                    throw new IllegalStateException("the embedding model answered " + vectors.size() + " vectors for "
                            + batch.size() + " texts");
                }
                vectors.forEach(e -> out.add(normalize(e.vector())));
            }
            return out;
        } catch (RuntimeException | LinkageError e) {
            if (markUnavailable(e)) {
                out.clear();
                texts.forEach(t -> out.add(null));
                return out;
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The in-process model that cannot load is off for good (true: full-text search from now on); any other failure
     * (a provider's error) is the caller's to handle.
     */
    private boolean markUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EmbeddingUnavailableException || t instanceof LinkageError) {
                if (!unavailable) {
                    unavailable = true;
                    Log.warn("Knowledge: the embedding model is unavailable; full-text search only");
                }
                return true;
            }
        }
        return false;
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
