package io.csc.chat.builtin;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.csc.chat.understanding.Intent;

/**
 * Nearest-prototype intent matching with a sentence-embedding model: each intent has a handful of example sentences,
 * embedded once; a message scores against each intent as the mean of its best prototype and the intent's centroid.
 * Message embeddings are kept in a bounded LRU cache (the same question asked twice costs one embedding).
 */
public final class IntentEmbeddings {

    /** The best and second-best intent for a message and their scores. */
    public record Match(Intent best, double bestScore, Intent second, double secondScore) {
    }

    private final Function<String, float[]> embedder;
    private final Map<Intent, List<float[]>> prototypes = new EnumMap<>(Intent.class);
    private final Map<Intent, float[]> centroids = new EnumMap<>(Intent.class);
    private final Map<String, float[]> cache;

    /**
     * @param embedder the model (text to vector); called once per prototype here and then once per uncached message
     * @param cacheSize how many message embeddings to keep
     */
    public IntentEmbeddings(Function<String, float[]> embedder, int cacheSize) {
        this.embedder = embedder;
        this.cache = new LinkedHashMap<>(cacheSize * 4 / 3 + 1, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > cacheSize;
            }
        };
        for (Map.Entry<Intent, List<String>> e : IntentPrototypes.ALL.entrySet()) {
            List<float[]> vs = new ArrayList<>();
            for (String s : e.getValue()) {
                vs.add(normalize(embedder.apply(s)));
            }
            prototypes.put(e.getKey(), vs);
            centroids.put(e.getKey(), centroid(vs));
        }
    }

    public Match match(String text) {
        float[] v = embed(text);
        Intent best = Intent.OTHER;
        Intent second = Intent.OTHER;
        double bs = -1;
        double ss = -1;
        for (Map.Entry<Intent, List<float[]>> e : prototypes.entrySet()) {
            double max = -1;
            for (float[] p : e.getValue()) {
                max = Math.max(max, dot(v, p));
            }
            double score = (max + dot(v, centroids.get(e.getKey()))) / 2;
            if (score > bs) {
                second = best;
                ss = bs;
                best = e.getKey();
                bs = score;
            } else if (score > ss) {
                second = e.getKey();
                ss = score;
            }
        }
        return new Match(best, bs, second, ss);
    }

    /** The message's vector, from the cache when the same (normalised) text was embedded before. */
    float[] embed(String text) {
        synchronized (cache) {
            float[] hit = cache.get(text);
            if (hit != null) {
                return hit;
            }
        }
        float[] v = normalize(embedder.apply(text));
        synchronized (cache) {
            cache.put(text, v);
        }
        return v;
    }

    int cached() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private static float[] centroid(List<float[]> vs) {
        float[] c = new float[vs.get(0).length];
        for (float[] v : vs) {
            for (int i = 0; i < c.length; i++) {
                c[i] += v[i];
            }
        }
        return normalize(c);
    }

    private static float[] normalize(float[] v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        n = Math.sqrt(n);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / (n == 0 ? 1 : n));
        }
        return out;
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
