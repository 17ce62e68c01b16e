package io.csc.chat.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.csc.chat.knowledge.Vectors;

/**
 * The tuning run (not part of the build: {@code -Dinsight.tune=true -Dtest=GroupingTuningRun}): scores grouping
 * methods and thresholds on the TUNING set only and prints them. The held-out set is not read here.
 */
@EnabledIfSystemProperty(named = "insight.tune", matches = "true")
class GroupingTuningRun {

    @Test
    void sweep() throws Exception {
        List<GroupingTuning.Labelled> set = GroupingTuning.load("/insight/unanswered-tuning.tsv");
        List<float[]> vectors = new ArrayList<>();
        for (GroupingTuning.Labelled l : set) {
            vectors.add(GroupingTuning.embed(l.question()));
        }
        System.out.println("method threshold precision recall F0.5 F1");
        for (int t = 30; t <= 90; t += 2) {
            double th = t / 100.0;
            print("leader", th, GroupingTuning.score(set, vectors, (v, q) -> QuestionGroups.assign(v, words(q), th)));
            print("centroid", th, GroupingTuning.score(set, vectors, (v, q) -> centroid(v, th)));
            print("average", th, GroupingTuning.score(set, vectors, (v, q) -> averageLink(v, th)));
            print("complete", th, GroupingTuning.score(set, vectors, (v, q) -> completeLink(v, th)));
        }
    }

    private static void print(String method, double th, GroupingTuning.Score s) {
        System.out.printf(Locale.ROOT, "%-9s %.2f %.3f %.3f %.3f %.3f%n", method, th, s.precision(), s.recall(), s.f(0.5),
                s.f(1));
    }

    static List<String> words(List<String> q) {
        return q.stream().map(s -> s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()).toList();
    }

    /** Joins the group whose mean vector is closest, when at least th close. */
    static int[] centroid(List<float[]> v, double th) {
        List<float[]> sums = new ArrayList<>();
        int[] g = new int[v.size()];
        for (int i = 0; i < v.size(); i++) {
            int best = -1;
            double bestSim = th;
            for (int k = 0; k < sums.size(); k++) {
                double sim = cos(v.get(i), sums.get(k));
                if (sim >= bestSim) {
                    bestSim = sim;
                    best = k;
                }
            }
            if (best < 0) {
                sums.add(v.get(i).clone());
                g[i] = sums.size() - 1;
            } else {
                float[] s = sums.get(best);
                for (int d = 0; d < s.length; d++) {
                    s[d] += v.get(i)[d];
                }
                g[i] = best;
            }
        }
        return g;
    }

    private static double cos(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int d = 0; d < a.length; d++) {
            dot += a[d] * b[d];
            na += a[d] * a[d];
            nb += b[d] * b[d];
        }
        return dot / Math.sqrt(na * nb);
    }

    static int[] averageLink(List<float[]> v, double th) {
        return agglomerative(v, th, false);
    }

    static int[] completeLink(List<float[]> v, double th) {
        return agglomerative(v, th, true);
    }

    /** Merges the two closest groups while their linkage (mean or minimum pair similarity) is at least th. */
    static int[] agglomerative(List<float[]> v, double th, boolean complete) {
        int n = v.size();
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = Vectors.cosine(v.get(i), v.get(j));
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(new ArrayList<>(List.of(i)));
        }
        while (true) {
            double best = -2;
            int ba = -1;
            int bb = -1;
            for (int a = 0; a < groups.size(); a++) {
                for (int b = a + 1; b < groups.size(); b++) {
                    double link = complete ? 2 : 0;
                    for (int x : groups.get(a)) {
                        for (int y : groups.get(b)) {
                            link = complete ? Math.min(link, sim[x][y]) : link + sim[x][y];
                        }
                    }
                    if (!complete) {
                        link /= groups.get(a).size() * groups.get(b).size();
                    }
                    if (link > best) {
                        best = link;
                        ba = a;
                        bb = b;
                    }
                }
            }
            if (ba < 0 || best < th) {
                break;
            }
            groups.get(ba).addAll(groups.remove(bb));
        }
        int[] g = new int[n];
        for (int k = 0; k < groups.size(); k++) {
            for (int i : groups.get(k)) {
                g[i] = k;
            }
        }
        return g;
    }
}
