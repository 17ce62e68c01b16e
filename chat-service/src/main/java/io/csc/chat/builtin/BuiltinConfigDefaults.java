package io.csc.chat.builtin;

/** Thresholds of the embedding match, measured on the utterance table (see UtteranceTableTest). */
final class BuiltinConfigDefaults {

    /** Below this score the embedding's best intent is only a guess: the assistant asks instead of acting. */
    static final double MIN_SCORE = 0.45;
    /** The best intent must lead the second by this much. */
    static final double MIN_MARGIN = 0.03;

    private BuiltinConfigDefaults() {
    }
}
