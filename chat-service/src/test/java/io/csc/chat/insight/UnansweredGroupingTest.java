package io.csc.chat.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The grouping of unanswered questions as the service runs it ({@link QuestionGroups} at
 * {@link QuestionGroups#SAME_QUESTION}, vectors of the in-process model as the service stores them) scored on the
 * labelled sets: the held-out set must stay above the floor measured when the threshold was chosen (README, "Unanswered
 * questions: grouping"), and the scores of both sets are printed.
 */
class UnansweredGroupingTest {

    private static GroupingTuning.Score score(String resource) throws Exception {
        List<GroupingTuning.Labelled> set = GroupingTuning.load(resource);
        List<float[]> vectors = new ArrayList<>();
        for (GroupingTuning.Labelled l : set) {
            vectors.add(GroupingTuning.embed(l.question()));
        }
        GroupingTuning.Score s = GroupingTuning.score(set, vectors,
                (v, q) -> QuestionGroups.assign(v, GroupingTuningRun.words(q), QuestionGroups.SAME_QUESTION));
        System.out.printf(Locale.ROOT, "%s at %.2f: pair precision %.3f, recall %.3f, F0.5 %.3f, F1 %.3f%n", resource,
                QuestionGroups.SAME_QUESTION, s.precision(), s.recall(), s.f(0.5), s.f(1));
        return s;
    }

    @Test
    void heldOutQuestionsAreGroupedAboveTheFloor() throws Exception {
        score("/insight/unanswered-tuning.tsv");
        GroupingTuning.Score heldOut = score("/insight/unanswered-heldout.tsv");
        assertTrue(heldOut.precision() >= PRECISION_FLOOR, "held-out pair precision " + heldOut.precision());
        assertTrue(heldOut.f(0.5) >= F05_FLOOR, "held-out F0.5 " + heldOut.f(0.5));
    }

    /** Measured on the held-out set when 0.50 was chosen: precision 0.801, F0.5 0.583; the floors leave 0.05. */
    private static final double PRECISION_FLOOR = 0.75;
    private static final double F05_FLOOR = 0.53;
}
