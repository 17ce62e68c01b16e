package io.csc.chat.action;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a shopper's message is a clear yes or a clear no to the one pending action of the conversation. Deliberately
 * strict: anything with more to say than a yes or a no ("yes but to another address") is neither, and the assistant
 * handles it as a new turn.
 */
public final class Confirmation {
    private static final Pattern NOISE = Pattern.compile("[\\p{Punct}\\s]+");
    private static final Set<String> YES = Set.of("yes", "y", "yep", "yeah", "yea", "yup", "sure", "ok", "okay", "ok do it",
            "confirm", "confirmed", "i confirm", "please do", "do it", "go ahead", "yes please", "yes do it", "yes go ahead",
            "yes confirm", "yes cancel it", "yes please cancel", "yes please cancel it", "cancel it", "correct", "absolutely",
            "yes thats right", "thats right", "yes that is right", "ja", "oui", "si", "sí", "yes change it", "yes please do",
            "yes i confirm", "yes i am sure", "im sure", "i am sure", "definitely", "of course", "i consent", "yes i consent",
            "i agree", "yes i agree", "agree", "agreed", "i do", "yes i do");
    private static final Set<String> NO = Set.of("no", "n", "nope", "nah", "no thanks", "no thank you", "dont", "do not",
            "cancel that", "never mind", "nevermind", "stop", "dont do it", "do not do it", "no dont", "no do not",
            "keep it", "no keep it", "leave it", "forget it", "not now", "no please dont", "no please do not", "nein", "non",
            "abort", "i changed my mind", "changed my mind", "no wait", "wait no");

    private Confirmation() {
    }

    /** A change of mind, also inside a longer message: "wait", "I still want it", "hmm actually never mind". */
    private static final Pattern WITHDRAWAL = Pattern.compile("^(wait|hold on|hang on|stop|hmm+ wait)\\b"
            + "|\\b(never ?mind|changed? my mind|still want|keep (it|the|my)|forget (it|about it)"
            + "|on second thought|not anymore|no longer want)\\b"
            + "|(^(no|nope|nah)|\\b(dont|do not|never))( \\w+){0,3} (cancel|change|send|refund|return|proceed|go ahead|do it|do that)\\b");

    public static boolean isYes(String text) {
        return YES.contains(normalize(text));
    }

    /** A yes that names cancelling ("cancel it", "yes please cancel"): a yes only to a proposal to cancel. */
    public static boolean namesCancelling(String text) {
        return normalize(text).matches("(.* )?cancel( .*)?");
    }

    public static boolean isNo(String text) {
        return NO.contains(normalize(text));
    }

    /**
     * The shopper takes a request back: a plain no, or a message that withdraws ("no, don't cancel it", "wait, I still
     * want it actually", "never mind, don't send it"). Such a message is never a new request for a change.
     */
    public static boolean isWithdrawal(String text) {
        String s = normalize(text);
        return NO.contains(s) || WITHDRAWAL.matcher(s).find();
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        s = NOISE.matcher(s).replaceAll(" ").trim();
        // "yes, please!!" and "yes please" are the same answer
        return s.replaceAll("\\s+", " ");
    }
}
