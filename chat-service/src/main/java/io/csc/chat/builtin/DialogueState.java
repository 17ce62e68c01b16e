package io.csc.chat.builtin;

import java.util.List;

import io.csc.chat.action.Confirmation;
import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.understanding.Intent;

/**
 * Where the conversation stands for the built-in assistant: the stored state of the last reply ({@link Dialogue}: what
 * it waits for, the not-understood count), and the task the shopper is pursuing with its order number, read from the
 * shopper's own earlier messages, each understood with the state stored with the reply before it. Nothing is read from
 * the words of earlier replies.
 *
 * @param expecting what the last assistant message asked for
 * @param goal the task of the latest user message that had one (the data-giving turns after it continue it), or null
 * @param order the order number of that task (or the latest one mentioned; else the order in focus), or null
 * @param notUnderstood turns in a row before this one that the assistant did not understand
 * @param offeredTeam the last assistant message offered to pass the question to the team
 */
record DialogueState(Expectation expecting, Intent goal, Long order, int notUnderstood, boolean offeredTeam) {

    private static final int WINDOW = 8;

    static DialogueState of(List<HistoryMessage> history, Understander understander) {
        Dialogue last = Dialogue.before(history);
        Intent goal = null;
        Long order = null;
        int seen = 0;
        for (int i = history.size() - 1; i >= 0 && seen < WINDOW; i--) {
            HistoryMessage m = history.get(i);
            if (!"user".equals(m.role()) || m.text() == null) {
                continue;
            }
            seen++;
            if (Confirmation.isWithdrawal(m.text())) {
                break; // the shopper took the task back: nothing before it continues
            }
            if (asksForNewCode(m.text())) {
                continue; // "send the code again" continues the task it verifies for
            }
            Expectation asked = expectationBefore(history, i);
            if (asked == Expectation.ORDER_NUMBER && doesNotKnowTheNumber(m.text())) {
                // the shopper has no number: their orders are listed instead (after a code), never asked again
                goal = Intent.RECENT_ORDERS;
                break;
            }
            Understanding u = inAnyLanguage(understander.understandEarlier(m.text(), asked), m.text(), asked);
            if (goal == null) {
                if (order == null && u.orderNumber() != null) {
                    order = u.orderNumber();
                }
                if (isTask(u.intent())) {
                    goal = u.intent();
                    if ((goal == Intent.ORDER_STATUS || goal == Intent.TRACKING) && u.orderNumber() == null
                            && FollowUps.latestOrder(m.text())) {
                        // "my latest order" without a number: the orders are listed after a code, the newest first
                        goal = Intent.RECENT_ORDERS;
                        break;
                    }
                    if (order != null || !goal.isPrivate()) {
                        break;
                    }
                } else if (u.intent() == Intent.THANKS_BYE || u.intent() == Intent.GREETING) {
                    break;
                }
            } else if (u.orderNumber() != null) {
                // the task was stated without a number; an earlier message may carry it ("order 52 ... cancel it")
                order = u.orderNumber();
                break;
            }
        }
        if (goal != null && goal.isPrivate() && order == null) {
            order = last.focusOrder();
        }
        return new DialogueState(expectation(last.awaiting()), goal, order, last.notUnderstood(),
                last.awaiting() == Awaiting.HANDOFF_OFFER);
    }

    /**
     * The intent rules know English only: an earlier message in German, Spanish or French ("Wo ist meine Bestellung
     * 1001?") states its task by the topic analysis, with the order number it names.
     */
    private static Understanding inAnyLanguage(Understanding u, String text, Expectation asked) {
        if (isTask(u.intent()) || asked != Expectation.NONE) {
            return u;
        }
        io.csc.chat.understanding.Analysis a = io.csc.chat.understanding.MessageAnalyser.analyse(text,
                io.csc.chat.understanding.Language.EN);
        Intent byTopic = a.topic().intent();
        if (a.language() == io.csc.chat.understanding.Language.EN || !isTask(byTopic)) {
            return u;
        }
        return new Understanding(byTopic, u.by(), u.score(), u.unsure(), u.guess(),
                u.orderNumber() != null ? u.orderNumber() : a.orderNumber(), u.email(), u.code(), u.product(),
                u.productQuery(), u.address());
    }

    /** The last reply was a "not understood". */
    boolean failedBefore() {
        return notUnderstood > 0;
    }

    /** What the reply before the user message at {@code userAt} waited for, from its stored state. */
    private static Expectation expectationBefore(List<HistoryMessage> history, int userAt) {
        for (int i = userAt - 1; i >= 0; i--) {
            if ("assistant".equals(history.get(i).role())) {
                Dialogue d = history.get(i).state();
                return d == null ? Expectation.NONE : expectation(d.awaiting());
            }
        }
        return Expectation.NONE;
    }

    /** How the understander reads a bare answer, given what was awaited. */
    static Expectation expectation(Awaiting awaiting) {
        return switch (awaiting) {
            case EMAIL -> Expectation.EMAIL;
            case CODE -> Expectation.CODE;
            case ORDER_NUMBER -> Expectation.ORDER_NUMBER;
            case ADDRESS -> Expectation.ADDRESS;
            case HANDOFF_OFFER -> Expectation.YES_NO;
            // a proposal was confirmed or withdrawn before any assistant runs
            case NOTHING, CONSENT, CONFIRMATION -> Expectation.NONE;
        };
    }

    private static final java.util.regex.Pattern DONT_KNOW = java.util.regex.Pattern.compile(
            "\\b(dont|do not|didnt|cant|cannot) (know|remember|find|have)\\b|\\bno idea\\b|\\bforgot\\b|\\blost\\b");

    /** "I don't know the number", "no idea", "I forgot it": said when asked for the order number. */
    static boolean doesNotKnowTheNumber(String message) {
        return message != null && !message.matches(".*\\d.*") && DONT_KNOW.matcher(Text.normalize(message)).find();
    }

    private static final java.util.regex.Pattern NEW_CODE = java.util.regex.Pattern.compile(
            "\\b(resend|re send|send (it|the code|a code|the email|me the code|me a code|me another|another|a new)"
                    + "( one| code)? again|send (it|the code|the email) again|new code|another code|(didnt|did not|"
                    + "havent|have not|never) (get|got|receive|received)( the| a| any| my)? (code|email|mail)|no code"
                    + "( arrived| came)?|code (didnt|did not|never) (come|arrive)|code nochmal|neuen code|code erneut|"
                    + "nochmal senden|erneut senden|keinen code|reenviar|reenvia|otro codigo|nuevo codigo|"
                    + "no (me )?(ha )?llegado|no recibi|renvoyer|renvoie|renvoyez|nouveau code|autre code|"
                    + "pas recu)\\b");

    /** "send the code again", "I didn't get the code", "neuen Code", "reenviar": a new code to the same address. */
    static boolean asksForNewCode(String message) {
        return message != null && !message.contains("@") && !message.matches(".*\\d{6}.*")
                && NEW_CODE.matcher(Text.normalize(message).replaceAll("[^a-z0-9]+", " ")).find();
    }

    static boolean isTask(Intent i) {
        return i.isPrivate() || i.isProduct() || i == Intent.CART_SUMMARY || i == Intent.HANDOFF
                || i == Intent.STORE_POLICY;
    }
}
