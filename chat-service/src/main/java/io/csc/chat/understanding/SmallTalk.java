package io.csc.chat.understanding;

import java.util.regex.Pattern;

/**
 * Brief, honest answers to small talk and the words of a privacy request: the assistant says it is automated and
 * that a person is one button away, and never opens a ticket for "are you a bot?". Privacy requests answer with the
 * first step of the verified self-service export or deletion (the email address), which the turn then runs.
 */
public final class SmallTalk {

    private static final Pattern JOKE = Pattern.compile("\\b(joke|witz|chiste|blague)\\b");
    private static final Pattern THERE = Pattern.compile("\\b(there|da|ahi|la)\\b");
    private static final Pattern HOW = Pattern.compile("\\b(how are|wie geht|como estas|comment ca va|ca va)\\b");
    private static final Pattern MAKER = Pattern.compile("\\b(who (made|built|created)|wer hat dich|quien te|qui t a)\\b");
    private static final Pattern CAN_DO = Pattern.compile("\\b(what can|was kannst|que puedes|sais faire)\\b");
    private static final Pattern NAME = Pattern.compile("\\b(name|heisst|hei t|llamas|appelles)\\b");

    private SmallTalk() {
    }

    /** The reply key for a small-talk or privacy message (see {@code replies_xx.properties}), or null for others. */
    public static String replyKey(Topic topic, String message) {
        if (topic == Topic.PRIVACY_DELETE) {
            return "privacy.delete";
        }
        if (topic == Topic.PRIVACY_EXPORT) {
            return "privacy.export";
        }
        if (topic != Topic.SMALL_TALK) {
            return null;
        }
        String norm = MessageAnalyser.normalize(message == null ? "" : message);
        if (JOKE.matcher(norm).find()) {
            return "smalltalk.joke";
        }
        if (HOW.matcher(norm).find()) {
            return "smalltalk.how";
        }
        if (MAKER.matcher(norm).find()) {
            return "smalltalk.maker";
        }
        if (CAN_DO.matcher(norm).find()) {
            return "smalltalk.can.do";
        }
        if (THERE.matcher(norm).find()
                && !norm.matches(".*\\b(bot|robot|human|humain|humano|mensch|real|reel|ki|ia|ai)\\b.*")) {
            return "smalltalk.there";
        }
        // "are you a bot?", "what's your name", "bist du ein Mensch?": what it is, and that a person is near
        return NAME.matcher(norm).find() ? "smalltalk.maker" : "smalltalk.bot";
    }

    /** The reply in the shopper's language, or null when the message is neither small talk nor a privacy request. */
    public static String reply(Analysis a, String message) {
        String key = replyKey(a.topic(), message);
        return key == null ? null : ReplyCatalog.text(a.language(), key);
    }
}
