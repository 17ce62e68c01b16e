package io.csc.chat.insight;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * The labelled questions and the scores of a grouping (pair precision and recall: of the pairs put in one group, how
 * many belong together; of the pairs that belong together, how many were put in one group), shared by the tuning run
 * and the held-out test.
 */
final class GroupingTuning {
    record Labelled(String group, String question) {
    }

    record Score(double precision, double recall) {
        double f(double beta) {
            double b2 = beta * beta;
            return precision + recall == 0 ? 0 : (1 + b2) * precision * recall / (b2 * precision + recall);
        }
    }

    /** The orders the questions are grouped in (the service groups newest first): fixed seeds, averaged. */
    static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    private static EmbeddingModel model;

    private GroupingTuning() {
    }

    static synchronized EmbeddingModel model() {
        if (model == null) {
            model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        }
        return model;
    }

    static List<Labelled> load(String resource) throws Exception {
        List<Labelled> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                GroupingTuning.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null;) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                out.add(new Labelled(parts[0], parts[1]));
            }
        }
        return out;
    }

    /** As the service stores them: the model's vector, normalized (KnowledgeEmbedder.embed). */
    static float[] embed(String text) {
        float[] v = model().embed(text).content().vector();
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(norm));
        }
        return out;
    }

    interface Method {
        int[] assign(List<float[]> vectors, List<String> questions);
    }

    /** Pair precision and recall of one grouping, averaged over the seeded orders. */
    static Score score(List<Labelled> set, List<float[]> vectors, Method method) {
        double p = 0;
        double r = 0;
        for (long seed : SEEDS) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < set.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(seed));
            List<float[]> v = new ArrayList<>();
            List<String> q = new ArrayList<>();
            for (int i : order) {
                v.add(vectors.get(i));
                q.add(set.get(i).question());
            }
            int[] groups = method.assign(v, q);
            long together = 0;
            long rightTogether = 0;
            long belong = 0;
            for (int a = 0; a < order.size(); a++) {
                for (int b = a + 1; b < order.size(); b++) {
                    boolean same = set.get(order.get(a)).group().equals(set.get(order.get(b)).group());
                    boolean put = groups[a] == groups[b];
                    together += put ? 1 : 0;
                    belong += same ? 1 : 0;
                    rightTogether += put && same ? 1 : 0;
                }
            }
            p += together == 0 ? 1 : (double) rightTogether / together;
            r += belong == 0 ? 1 : (double) rightTogether / belong;
        }
        return new Score(p / SEEDS.length, r / SEEDS.length);
    }
}
