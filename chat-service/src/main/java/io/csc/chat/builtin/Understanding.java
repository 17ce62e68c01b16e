package io.csc.chat.builtin;

import io.csc.chat.understanding.Intent;
import io.csc.model.commerce.Address;

/**
 * What one shopper message means to the built-in assistant.
 *
 * @param intent the intent; {@link Intent#OTHER} when nothing fits
 * @param by how it was decided: {@code rule}, {@code embedding}, or {@code none}
 * @param score the embedding's cosine score (0 for rules)
 * @param unsure true when the embedding's best guess was too weak or too close to the runner-up: ask, don't act
 * @param guess the embedding's best guess when unsure (for a clarifying question), else null
 * @param orderNumber the order number the message gives, or null
 * @param email the email the message gives, or null
 * @param code the 6-digit code the message gives, or null
 * @param product the catalogue product the message names, or null
 * @param productQuery the words to search the store for when no single product is named
 * @param address the new address the message gives, or null
 */
public record Understanding(Intent intent, String by, double score, boolean unsure, Intent guess, Long orderNumber,
        String email, String code, ProductMatcher.Entry product, String productQuery, Address address) {
}
