package io.csc.chat.builtin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.csc.chat.understanding.Catalogue;

/**
 * Finds which of the store's products a message names, by name words (typos and plurals tolerated, words weighted by
 * how rare they are in the catalogue) or by SKU. Answers a product only when one scores strictly best, so "hoodie" in a
 * store with three hoodies names none and the assistant searches instead.
 */
public final class ProductMatcher implements Catalogue {

    /** One product of the store's catalogue as the matcher needs it. */
    public record Entry(long id, String name, String sku) {
    }

    private static final Set<String> STOP = Set.of("the", "a", "an", "of", "and", "for", "with", "in", "on", "to",
            "by", "my", "your", "edition");

    private final List<Entry> entries;
    private final List<List<String>> nameTokens = new ArrayList<>();
    private final Map<String, Integer> df = new HashMap<>();

    public ProductMatcher(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : this.entries) {
            List<String> toks = new ArrayList<>();
            for (String t : Text.tokens(Text.normalize(e.name()))) {
                if (!STOP.contains(t) && !t.matches("\\d+")) {
                    toks.add(Words.stem(t));
                }
            }
            nameTokens.add(toks);
            for (String t : new HashSet<>(toks)) {
                df.merge(t, 1, Integer::sum);
            }
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The product the message names, or null when none (or more than one equally) fits. */
    @Override
    public Entry match(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        for (Entry e : entries) {
            if (e.sku() != null && e.sku().length() >= 4 && lower.contains(e.sku().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        Words w = new Words(Text.normalize(message));
        List<String> msg = w.stems();
        double best = 0;
        double second = 0;
        Entry bestEntry = null;
        for (int i = 0; i < entries.size(); i++) {
            double score = score(nameTokens.get(i), msg);
            if (score > best) {
                second = best;
                best = score;
                bestEntry = entries.get(i);
            } else if (score > second) {
                second = score;
            }
        }
        if (bestEntry == null || best < 0.75 || best - second < 0.2) {
            return null;
        }
        return bestEntry;
    }

    /** Sum of the weights (1/df) of the name words the message contains; a distinctive word must be among them. */
    private double score(List<String> name, List<String> msg) {
        double sum = 0;
        boolean distinctive = false;
        boolean[] used = new boolean[name.size()];
        for (int i = 0; i < name.size(); i++) {
            String n = name.get(i);
            if (containsLike(msg, n)) {
                used[i] = true;
            } else if (i + 1 < name.size() && containsLike(msg, n + name.get(i + 1))) {
                // "smartwatch" for "Smart Watch", "tshirt" for "T-Shirt"
                used[i] = true;
                used[i + 1] = true;
            }
        }
        for (int i = 0; i < name.size(); i++) {
            if (used[i]) {
                int d = df.getOrDefault(name.get(i), 1);
                sum += 1.0 / d;
                if (d <= 2 && name.get(i).length() >= 3) {
                    distinctive = true;
                }
            }
        }
        return distinctive ? sum : 0;
    }

    private static boolean containsLike(List<String> msg, String word) {
        for (String m : msg) {
            if (word.length() <= 3 ? m.equals(word) : Words.like(m, word)) {
                return true;
            }
        }
        return false;
    }
}
