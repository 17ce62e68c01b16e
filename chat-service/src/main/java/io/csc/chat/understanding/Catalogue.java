package io.csc.chat.understanding;

/**
 * The store's catalogue as the message analysis needs it: which product, if any, a message names. The built-in
 * assistant's {@code ProductMatcher} is the one implementation; the analysis only asks, so it stays below the assistant.
 */
@FunctionalInterface
public interface Catalogue {

    /** The product the message names, or null when it names none (or more than one equally well). */
    Object match(String message);
}
