package io.csc.chat.knowledge;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typos corrected against the store's own words ("retrun polcy" -> "return policy"): a word of the question that no
 * passage contains is replaced by the most frequent passage word with the same first letter at one edit (two for long
 * words; a swap of two neighbouring letters is one edit). Full-text search cannot match a typo and the embedding model sees it as other
 * word pieces, so both get the corrected question.
 */
public final class Spelling {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final int MIN_LENGTH = 4;

    private final Map<String, Integer> vocabulary = new HashMap<>();
    /** Words looked up before and their correction ("" for none): the vocabulary is scanned once per word. */
    private final Map<String, String> corrections = new ConcurrentHashMap<>();

    public Spelling(List<StoredPassage> passages) {
        for (StoredPassage p : passages) {
            count(p.title());
            count(p.heading());
            count(p.body());
        }
    }

    private void count(String text) {
        if (text == null) {
            return;
        }
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            vocabulary.merge(m.group(), 1, Integer::sum);
        }
    }

    public String correct(String question) {
        Matcher m = WORD.matcher(question);
        StringBuilder out = new StringBuilder();
        boolean changed = false;
        while (m.find()) {
            String word = m.group();
            String lower = word.toLowerCase(Locale.ROOT);
            String replacement = word;
            if (lower.length() >= MIN_LENGTH && !vocabulary.containsKey(lower) && lower.chars().noneMatch(Character::isDigit)) {
                String best = corrections.get(lower);
                if (best == null) {
                    String found = closest(lower);
                    best = found == null ? "" : found;
                    if (corrections.size() > 10_000) {
                        corrections.clear();
                    }
                    corrections.put(lower, best);
                }
                if (!best.isEmpty()) {
                    replacement = best;
                    changed = true;
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return changed ? out.toString() : question;
    }

    private String closest(String word) {
        int max = word.length() >= 8 ? 2 : 1;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
            String candidate = e.getKey();
            // a typo seldom hits the first letter; allowing it turns "weather" into "leather"
            if (candidate.length() < MIN_LENGTH - 1 || Math.abs(candidate.length() - word.length()) > max
                    || candidate.charAt(0) != word.charAt(0)) {
                continue;
            }
            int d = distance(word, candidate, max);
            if (d <= max && (d < bestDistance || d == bestDistance && e.getValue() > bestCount)) {
                best = candidate;
                bestDistance = d;
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Optimal string alignment distance, giving up (max + 1) once it exceeds {@code max}. */
    static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
        }
        return d[n][m];
    }
}
