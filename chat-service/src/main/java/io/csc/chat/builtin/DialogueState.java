package io.csc.chat.builtin;

import java.util.List;

import io.csc.chat.assistant.HistoryMessage;

/**
 * Where the conversation stands, read from its stored history (no state of our own, so any replica can take the next
 * turn): what the assistant last asked, the task the shopper is pursuing, its order number, and whether the previous
 * reply already failed to understand.
 *
 * @param expecting what the last assistant message asked for
 * @param goal the task of the latest user message that had one (the data-giving turns after it continue it), or null
 * @param order the order number of that task (or the latest one mentioned), or null
 * @param failedBefore the last assistant message was a "not understood"
  * @param offeredTeam the last assistant message offered to pass the question to the team
 * @param proposed the last assistant message proposed a change that awaits the shopper's confirmation
 */
record DialogueState(Expectation expecting, Intent goal, Long order, boolean failedBefore, boolean offeredTeam,
        boolean proposed) {

    private static final int WINDOW = 8;

    static DialogueState of(List<HistoryMessage> history, Understander understander) {
        String lastAssistant = null;
        for (int i = history.size() - 1; i >= 0; i--) {
            if ("assistant".equals(history.get(i).role())) {
                lastAssistant = history.get(i).text();
                break;
            }
        }
        Intent goal = null;
        Long order = null;
        int seen = 0;
        for (int i = history.size() - 1; i >= 0 && seen < WINDOW; i--) {
            HistoryMessage m = history.get(i);
            if (!"user".equals(m.role()) || m.text() == null) {
                continue;
            }
            seen++;
            Expectation asked = expectationBefore(history, i);
            Understanding u = understander.understand(m.text(), asked, null);
            if (goal == null) {
                if (order == null && u.orderNumber() != null) {
                    order = u.orderNumber();
                }
                if (isTask(u.intent())) {
                    goal = u.intent();
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
        boolean failed = lastAssistant != null && lastAssistant.startsWith("Sorry, I'm not sure I understood");
        boolean offered = lastAssistant != null && lastAssistant.contains("pass your question to the store's team");
        boolean proposed = lastAssistant != null && lastAssistant.contains("Please confirm");
        return new DialogueState(Replies.expectationOf(lastAssistant), goal, order, failed, offered, proposed);
    }

    private static Expectation expectationBefore(List<HistoryMessage> history, int userAt) {
        for (int i = userAt - 1; i >= 0; i--) {
            if ("assistant".equals(history.get(i).role())) {
                return Replies.expectationOf(history.get(i).text());
            }
        }
        return Expectation.NONE;
    }

    static boolean isTask(Intent i) {
        return i.isPrivate() || i.isProduct() || i == Intent.CART_SUMMARY || i == Intent.HANDOFF
                || i == Intent.STORE_POLICY;
    }
}
