package io.csc.chat.builtin;

import java.util.List;
import java.util.Set;

/** The tokens of one message with typo-tolerant look-ups ("cancle" is "cancel", "sock" is not "stock"). */
final class Words {

    /** Everyday words that sit one typo away from a keyword; they only ever match themselves. */
    private static final Set<String> EXACT_ONLY = Set.of("sock", "socks", "stuff", "delivery", "delivered", "deliver", "stick",
            "older", "card", "cards", "care",
            "most", "post", "lost", "best", "rest", "test", "last", "hear", "here", "were", "wear", "than", "then",
            "that", "what", "when", "shirt", "short", "sort", "store", "stone", "stack", "hold", "told", "sold", "word",
            "world", "boarder", "track", "trick", "truck", "trade", "turn", "agents", "human", "humans", "hours",
            "house", "price", "prize", "pride", "cost", "coat", "code", "come", "order", "other", "over", "help",
            "held", "left", "lift", "list", "sent", "send", "sell", "tell", "cell", "call", "cart", "part",
            "path", "past", "paste", "mean", "means");

    private final List<String> tokens;
    private final List<String> stems;

    Words(String normalizedText) {
        this.tokens = Text.tokens(normalizedText);
        this.stems = tokens.stream().map(Words::stem).toList();
    }

    List<String> tokens() {
        return tokens;
    }

    List<String> stems() {
        return stems;
    }

    int size() {
        return tokens.size();
    }

    /** Drops a plural ending: "hoodies" -> "hoodie", "watches" -> "watch", "orders" -> "order". */
    static String stem(String t) {
        if (t.length() > 4 && (t.endsWith("ches") || t.endsWith("shes") || t.endsWith("sses") || t.endsWith("xes"))) {
            return t.substring(0, t.length() - 2);
        }
        if (t.length() > 3 && t.endsWith("s") && !t.endsWith("ss") && !t.endsWith("us")) {
            return t.substring(0, t.length() - 1);
        }
        return t;
    }

    /** True when the token is the word, or the word with the typos its length allows. */
    static boolean like(String token, String word) {
        if (token.equals(word)) {
            return true;
        }
        if (EXACT_ONLY.contains(token)) {
            return false;
        }
        return Fuzzy.matches(token, word);
    }

    /** Index of the first token (or its singular) that is one of {@code words} (typos allowed), else -1. */
    int find(String... words) {
        for (int i = 0; i < tokens.size(); i++) {
            for (String w : words) {
                if (like(tokens.get(i), w) || like(stems.get(i), w)) {
                    return i;
                }
            }
        }
        return -1;
    }

    boolean any(String... words) {
        return find(words) >= 0;
    }

    /** Exact word (no typo tolerance), for short and ambiguous words such as "my" or "hi". */
    boolean exact(String... words) {
        for (String t : tokens) {
            for (String w : words) {
                if (t.equals(w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A sequence of words in a row, each typo-tolerant (e.g. "in stock", "money back", "call off"). */
    boolean phrase(String phrase) {
        String[] ws = phrase.split(" ");
        outer : for (int i = 0; i + ws.length <= tokens.size(); i++) {
            for (int j = 0; j < ws.length; j++) {
                String t = tokens.get(i + j);
                if (!(ws[j].length() <= 3 ? t.equals(ws[j]) : like(t, ws[j]) || like(stems.get(i + j), ws[j]))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    boolean anyPhrase(String... phrases) {
        for (String p : phrases) {
            if (p.indexOf(' ') < 0 ? any(p) : phrase(p)) {
                return true;
            }
        }
        return false;
    }

    boolean startsWith(String... words) {
        if (tokens.isEmpty()) {
            return false;
        }
        for (String w : words) {
            String[] ws = w.split(" ");
            if (ws.length > tokens.size()) {
                continue;
            }
            boolean ok = true;
            for (int j = 0; j < ws.length && ok; j++) {
                ok = tokens.get(j).equals(ws[j]);
            }
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
