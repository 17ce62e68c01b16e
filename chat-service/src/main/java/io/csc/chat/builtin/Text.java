package io.csc.chat.builtin;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalisation and tokenisation shared by the rules, the product matcher and the embedding cache. */
final class Text {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['\u2019`\u00b4]");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");

    private Text() {
    }

    /** Lower case, accents and apostrophes dropped ("What’s" becomes "whats"), spaces collapsed. */
    static String normalize(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = APOSTROPHES.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("");
        return s.replaceAll("\\s+", " ").trim();
    }

    /** Words and numbers of an already normalised text. */
    static List<String> tokens(String normalized) {
        List<String> out = new ArrayList<>();
        for (String t : NON_WORD.split(normalized)) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
