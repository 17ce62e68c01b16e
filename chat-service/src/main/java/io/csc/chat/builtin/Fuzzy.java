package io.csc.chat.builtin;

/** Typo tolerance for single words: Damerau-Levenshtein distance (optimal string alignment). */
public final class Fuzzy {

    private Fuzzy() {
    }

    /**
     * Edit distance counting insertions, deletions, substitutions and swaps of two neighbours, giving up (answering
     * {@code max + 1}) as soon as the distance must exceed {@code max}.
     */
    public static int distance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        if (Math.abs(n - m) > max) {
            return max + 1;
        }
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** How many typos a word of this length may carry and still count as the word: none for short words. */
    public static int allowedTypos(String word) {
        int len = word.length();
        if (len <= 4) {
            return 0;
        }
        return len >= 8 ? 2 : 1;
    }

    /** True when {@code token} is {@code word} or {@code word} with the typos its length allows. */
    public static boolean matches(String token, String word) {
        if (token.equals(word)) {
            return true;
        }
        int allowed = allowedTypos(word);
        if (allowed == 0 || token.length() <= 3) {
            return false;
        }
        // the first letter is rarely wrong; requiring it keeps "sock" from being "stock"
        if (token.charAt(0) != word.charAt(0)) {
            return false;
        }
        return distance(token, word, allowed) <= allowed;
    }
}
