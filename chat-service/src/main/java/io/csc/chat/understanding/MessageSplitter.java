package io.csc.chat.understanding;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message that asks two things ("return the earbuds and also buy a charger", "where is order 52 and do you
 * ship to Canada?") into its parts, each analysed on its own, so that each part is answered. A message splits only
 * where both sides ask something by themselves and about different things: "between 40 and 80", "black and white
 * hoodie" or "cancel and refund order 5" stay whole.
 */
public final class MessageSplitter {

    /** One part of a message: its own text and what it asks. */
    public record Part(String text, Analysis analysis) {
    }

    /** Where two questions meet: "and also", "and", "also", "plus", "?" and ";", in the four languages. */
    private static final Pattern JOINT = Pattern.compile(
            "\\s*(?:[?;]\\s*|,?\\s+(?:and also|and|also|plus|as well as|und auch|und|sowie|y tambien|y también|y|ademas|además|"
                    + "et aussi|et|aussi)\\s+)",
            Pattern.CASE_INSENSITIVE);

    /** Topics that do not ask anything on their own (a greeting before a question is no second question). */
    private static final Set<Topic> NOT_A_QUESTION = Set.of(Topic.OTHER, Topic.GREETING, Topic.THANKS, Topic.YES,
            Topic.NO);

    private MessageSplitter() {
    }

    /** The parts of the message: one part (the whole message) unless it asks two different things. */
    public static List<Part> split(String message, Language fallback) {
        String msg = message == null ? "" : message.strip();
        return split(msg, MessageAnalyser.analyse(msg, fallback));
    }

    /** {@link #split(String, Language)} of a message already analysed as a whole ({@code whole}). */
    public static List<Part> split(String message, Analysis whole) {
        String msg = message == null ? "" : message.strip();
        Matcher m = JOINT.matcher(msg);
        while (m.find()) {
            String left = msg.substring(0, m.start()).strip();
            String right = msg.substring(m.end()).strip();
            if (left.split("\\s+").length < 2 || right.split("\\s+").length < 2) {
                // "cancel and refund order 5": one verb alone shares the other's object, it is one request
                continue;
            }
            Analysis a = MessageAnalyser.analyse(left, whole.language());
            Analysis b = MessageAnalyser.analyse(right, whole.language());
            if (!NOT_A_QUESTION.contains(a.topic()) && !NOT_A_QUESTION.contains(b.topic()) && a.topic() != b.topic()) {
                List<Part> parts = new ArrayList<>();
                parts.add(new Part(left, a));
                // the rest may hold a third question
                List<Part> rest = split(right, whole.language());
                parts.addAll(rest.size() > 1 ? rest : List.of(new Part(right, b)));
                return parts;
            }
        }
        return List.of(new Part(msg, whole));
    }
}
