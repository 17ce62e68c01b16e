package io.csc.chat.insight;

import java.util.ArrayList;
import java.util.List;

import io.csc.chat.knowledge.Vectors;

/**
 * Which unanswered questions are one question: each joins the first group (in the order given, newest first) whose
 * first question's vector is at least {@link #SAME_QUESTION} close (cosine), else starts a group; without vectors (the
 * model off or another model's vectors), the same words make the same question. The threshold was chosen on a labelled
 * set of shopper questions and checked on a held-out one (chat-service README, "Unanswered questions: grouping").
 */
final class QuestionGroups {
    static final double SAME_QUESTION = 0.50;

    private QuestionGroups() {
    }

    /** The group index of each question ({@code vectors} entries may be null; {@code words} never). */
    static int[] assign(List<float[]> vectors, List<String> words, double threshold) {
        int[] group = new int[vectors.size()];
        List<Integer> leaders = new ArrayList<>();
        for (int i = 0; i < vectors.size(); i++) {
            float[] v = vectors.get(i);
            group[i] = -1;
            for (int g = 0; g < leaders.size(); g++) {
                int leader = leaders.get(g);
                float[] lv = vectors.get(leader);
                boolean same = v != null && lv != null && v.length == lv.length
                        ? Vectors.cosine(v, lv) >= threshold
                        : words.get(i).equals(words.get(leader));
                if (same) {
                    group[i] = g;
                    break;
                }
            }
            if (group[i] < 0) {
                group[i] = leaders.size();
                leaders.add(i);
            }
        }
        return group;
    }
}
