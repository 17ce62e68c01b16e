package io.csc.chat.understanding;

/**
 * What one shopper message (or one part of it) asks, in which language.
 *
 * @param language the message's language (the fallback when the message shows none)
 * @param topic what it asks for; {@link Topic#OTHER} when no rule fits
 * @param rule the name of the rule that decided (for logs and tests), or null
 * @param orderNumber the order number it gives, or null
 * @param email the email address it gives, or null
 * @param code the 6-digit code it is, or null
 */
public record Analysis(Language language, Topic topic, String rule, Long orderNumber, String email, String code) {
}
