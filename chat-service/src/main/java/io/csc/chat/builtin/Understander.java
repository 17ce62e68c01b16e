package io.csc.chat.builtin;

import java.util.Set;
import java.util.StringJoiner;

import io.csc.chat.understanding.Intent;

/**
 * Reads a shopper's message: arguments first (email, code, order number, address, product), then the decisive rules,
 * and only when no rule settles it the embedding model, whose answer counts only above a minimum score and with a
 * margin over the runner-up; otherwise the assistant asks a clarifying question.
 */
public final class Understander {

    /** Words that say what the shopper wants rather than which product: dropped from a product search. */
    private static final Set<String> NOT_PRODUCT = Set.of("do", "you", "u", "have", "has", "any", "anything", "in",
            "stock", "stocks", "is", "are", "r", "the", "a", "an", "of", "for", "it", "there", "available",
            "availability", "still", "sold", "out", "back", "when", "will", "be", "left", "how", "many", "much", "what",
            "whats", "which", "price", "prices", "cost", "costs", "does", "did", "i", "im", "me", "my", "we", "show",
            "looking", "look", "search", "searching", "find", "want", "to", "buy", "need", "some", "sell", "carry",
            "got", "get", "can", "could", "please", "pls", "your", "yours", "tell", "more", "about", "details", "on",
            "kind", "stuff", "guys", "recommend", "suggest", "good", "this", "that", "these", "those", "one", "ones",
            "right", "now", "currently", "expensive", "cheap", "cheapest", "with", "and", "or", "gift", "who", "loves",
            "like", "would", "lovers", "thing", "things", "item", "items", "product", "products", "hi", "hello",
            "hey", "also", "at", "all", "type", "types", "sort", "sorts", "offer", "really", "just", "ya",
            "yall", "info", "information", "specs");

    private final IntentEmbeddings embeddings;
    private final double minScore;
    private final double minMargin;

    /**
     * @param embeddings the embedding matcher, or null for rules only
     * @param minScore the least score an embedding match needs to count
     * @param minMargin the least lead over the second-best intent
     */
    public Understander(IntentEmbeddings embeddings, double minScore, double minMargin) {
        this.embeddings = embeddings;
        this.minScore = minScore;
        this.minMargin = minMargin;
    }

    /** Earlier messages understood, by what was awaited before them and their text (bounded: cleared when full). */
    private final java.util.Map<String, Understanding> earlier = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int EARLIER_LIMIT = 20_000;

    /**
     * An earlier message of the conversation, understood without the catalogue: the same as
     * {@code understand(message, expecting, null)}, kept, because every turn reads the conversation's recent messages
     * again ({@link DialogueState#of}) and a message no rule settles costs an embedding.
     */
    public Understanding understandEarlier(String message, Expectation expecting) {
        String key = expecting.name() + '\u0000' + message;
        Understanding u = earlier.get(key);
        if (u == null) {
            u = understand(message, expecting, null);
            if (earlier.size() >= EARLIER_LIMIT) {
                earlier.clear();
            }
            earlier.put(key, u);
        }
        return u;
    }

    public Understanding understand(String message, Expectation expecting, ProductMatcher catalog) {
        String msg = message == null ? "" : message.strip();
        Arguments args = Arguments.of(msg, expecting);
        String norm = Text.normalize(args.textWithoutEmail());
        Words words = new Words(norm);
        ProductMatcher.Entry product = catalog == null ? null : catalog.match(args.textWithoutEmail());

        Intent intent = IntentRules.classify(words, args, expecting, product != null);
        String by = "rule";
        double score = 0;
        boolean unsure = false;
        Intent guess = null;
        if (intent == null) {
            if (embeddings == null || words.size() == 0) {
                intent = Intent.OTHER;
                by = "none";
            } else {
                IntentEmbeddings.Match m = embeddings.match(norm.replaceAll("\\d+", "123"));
                by = "embedding";
                score = m.bestScore();
                boolean yesNoOutOfPlace = (m.best() == Intent.YES || m.best() == Intent.NO)
                        && expecting != Expectation.YES_NO;
                if (m.bestScore() >= minScore && m.bestScore() - m.secondScore() >= minMargin && !yesNoOutOfPlace) {
                    intent = m.best();
                } else {
                    intent = Intent.OTHER;
                    unsure = m.best() != Intent.OTHER;
                    guess = unsure ? m.best() : null;
                }
            }
        }
        boolean acceptBare = intent.isPrivate() || intent == Intent.GIVE_ORDER_NUMBER
                || expecting == Expectation.ORDER_NUMBER;
        Long order = args.orderNumber(acceptBare);
        String query = intent.isProduct() || product != null ? productQuery(words) : null;
        return new Understanding(intent, by, score, unsure, guess, order, args.email(), args.code(), product, query,
                args.address());
    }

    /** The message's words minus the asking words: "do you have blue widgets in stock" -> "blue widgets". */
    static String productQuery(Words words) {
        StringJoiner j = new StringJoiner(" ");
        for (String t : words.tokens()) {
            if (!NOT_PRODUCT.contains(t) && !t.matches("\\d{1,3}")) {
                j.add(t);
            }
        }
        return j.toString();
    }
}
