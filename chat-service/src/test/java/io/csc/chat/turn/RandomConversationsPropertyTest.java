package io.csc.chat.turn;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.csc.chat.action.ActionService;
import io.csc.chat.action.ActionService.Decision;
import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.assistant.HistoryMessage;
import io.csc.chat.assistant.Ui;
import io.csc.chat.builtin.FollowUps;
import io.csc.chat.tools.ToolResult;
import io.csc.chat.understanding.Intent;
import io.csc.model.commerce.OrderSummary;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random conversations against the turn's confirmation pipeline, in process: the real rule
 * ({@link ActionService#decide}, {@link io.csc.chat.action.Confirmation}), the real state a reply leaves
 * ({@link ChatService#after}) stored and read back as the database keeps it ({@link Dialogue#toJson} /
 * {@link Dialogue#fromJson}, {@link Dialogue#before}), with a recording store and a proposal table as doubles, and an
 * assistant double that proposes a change only for a request about an order the grant covers (as the tools do). After
 * every step: <b>the store changes only on the turn right after the shopper confirmed a live proposal for exactly that
 * change</b> (its button, or a yes), and never for an order the grant does not cover. The expectation is computed from
 * the generated steps (what the shopper meant), not from the code under test. The same rule over HTTP, with the real
 * database and tools: {@code RandomConversationsHttpTest}.
 */
class RandomConversationsPropertyTest {

    static final AtomicLong PLAYED = new AtomicLong();
    static final AtomicLong TURNS = new AtomicLong();

    /** Orders: 1 and 2 are the shopper's, 3 is another customer's. */
    static final List<Long> OWN = List.of(1L, 2L);

    enum Kind {
        CANCEL, ADDRESS, REFUND, YES, BUTTON_LIVE, BUTTON_WITHDRAWN, BUTTON_FOREIGN, NO, WAIT, UNRELATED, CODE_RIGHT, CODE_WRONG,
        /** "show my orders": the shopper's orders listed (in focus for "the second one"). */
        LIST,
        /** "cancel that one", "the first one": resolved against the focus stored with the last reply. */
        FOLLOW_UP
    }

    record Step(Kind kind, long order, String text) {
        @Override
        public String toString() {
            return kind + (text == null ? "" : "(" + text + ")") + (order > 0 ? "#" + order : "");
        }
    }

    static final List<String> YES = List.of("yes", "Yes, please!", "ok", "go ahead", "yes cancel it", "sure", "confirm",
            "yep", "do it", "I confirm");
    static final List<String> NO = List.of("no", "no thanks", "no, don't cancel it", "never mind", "don't",
            "hmm actually never mind, don't send it", "I changed my mind", "no, keep it");
    static final List<String> WAIT = List.of("wait", "wait, I still want it actually", "hold on", "wait a second",
            "hang on, let me check");
    static final List<String> UNRELATED = List.of("is the wool beanie in stock?", "thanks, bye", "hi",
            "yes but what about shipping costs?", "what is your return policy?", "how much is the hoodie", "ok thanks",
            "yes, and is the webcam in stock?", "where is order 2?", "asdfgh");
    static final List<String> FOLLOW_UP = List.of("cancel that one", "cancel the first one", "cancel the second one",
            "the first one", "what about the second?", "where is it?", "cancel it", "please cancel that order");
    /** The follow-ups that are also a yes to a live proposal to cancel (the shopper says what the button says). */
    static final List<String> CANCEL_IT = List.of("cancel it");

    @Provide
    Arbitrary<List<Step>> conversations() {
        Arbitrary<Long> order = Arbitraries.of(1L, 2L, 3L);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, order.map(o -> new Step(Kind.CANCEL, o, "cancel order " + o))),
                net.jqwik.api.Tuple.of(2, order.map(o -> new Step(Kind.ADDRESS, o, "change the address of order " + o))),
                net.jqwik.api.Tuple.of(2, order.map(o -> new Step(Kind.REFUND, o, "refund order " + o))),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(YES).map(t -> new Step(Kind.YES, 0, t))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.BUTTON_LIVE, 0, null))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.BUTTON_WITHDRAWN, 0, null))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(Kind.BUTTON_FOREIGN, 0, null))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(NO).map(t -> new Step(Kind.NO, 0, t))),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(WAIT).map(t -> new Step(Kind.WAIT, 0, t))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(UNRELATED).map(t -> new Step(Kind.UNRELATED, 0, t))),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step(Kind.CODE_RIGHT, 0, "123456"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(Kind.CODE_WRONG, 0, "000000"))),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(new Step(Kind.LIST, 0, "show my orders"))),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(FOLLOW_UP).map(t -> new Step(Kind.FOLLOW_UP, 0, t))));
        return step.list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 10_000)
    void theStoreChangesOnlyRightAfterALiveProposalIsConfirmed(@ForAll("conversations") List<Step> steps) {
        new Conversation().play(steps);
        PLAYED.incrementAndGet();
    }

    @AfterContainer
    static void report() {
        System.out.printf("random conversations (in process): %d played, %d turns%n", PLAYED.get(), TURNS.get());
    }

    /** A change as the store records it. */
    record Change(Kind kind, long order) {
    }

    /** A proposal row: pending, executed or dropped. */
    static final class Proposal {
        final String id;
        final String conversation;
        final Change change;
        String state = "pending";

        Proposal(String id, String conversation, Change change) {
            this.id = id;
            this.conversation = conversation;
            this.change = change;
        }
    }

    static final class Conversation {
        final String id = "c1";
        final List<HistoryMessage> history = new ArrayList<>();
        final Map<String, Proposal> proposals = new HashMap<>();
        /** The store double: every change it was asked to make. */
        final List<Change> store = new ArrayList<>();
        boolean verified;
        int next;
        /** What the shopper saw: the button of the last reply (null when it had none), and every button ever shown. */
        String shownButton;
        final List<String> shownButtons = new ArrayList<>();

        Conversation() {
            // another conversation's proposal (Bob's order 3): its id can be sent here, it must never count
            proposals.put("pa_foreign", new Proposal("pa_foreign", "c2", new Change(Kind.CANCEL, 3)));
        }

        void play(List<Step> steps) {
            List<Step> played = new ArrayList<>();
            for (Step s : steps) {
                played.add(s);
                TURNS.incrementAndGet();
                int before = store.size();
                String buttonBefore = shownButton;
                Change expected = expectedChange(s, buttonBefore);
                turn(s);
                List<Change> made = store.subList(before, store.size());
                if (expected == null) {
                    assertTrue(made.isEmpty(), () -> "store changed " + made + " after " + played);
                } else {
                    assertEquals(List.of(expected), made, () -> "after " + played);
                }
                for (Change c : made) {
                    assertTrue(OWN.contains(c.order()), () -> "changed order " + c.order() + " after " + played);
                }
            }
        }

        /**
         * The oracle, from what the shopper meant: only a yes or the shown button, right after a reply that showed a
         * button for an order change of an order the grant covers, changes the store, and exactly that change.
         */
        private Change expectedChange(Step s, String buttonBefore) {
            if (buttonBefore == null) {
                return null;
            }
            Proposal p = proposals.get(buttonBefore);
            // "cancel it" right after "Shall I cancel order 1?" is a yes to that; after any other proposal it is not
            // a yes that says "cancel" ("yes cancel it") is a yes to cancelling only
            boolean saysCancel = s.text() != null && s.text().contains("cancel");
            boolean confirms = s.kind() == Kind.YES && (!saysCancel || p.change.kind() == Kind.CANCEL)
                    || s.kind() == Kind.BUTTON_LIVE
                    || s.kind() == Kind.FOLLOW_UP && CANCEL_IT.contains(s.text()) && p.change.kind() == Kind.CANCEL;
            if (!confirms) {
                return null;
            }
            return verified && OWN.contains(p.change.order()) ? p.change : null;
        }

        private String pressed(Step s) {
            return switch (s.kind()) {
                case BUTTON_LIVE -> shownButton == null ? "pa_none" : shownButton;
                // a button shown before, not the last reply's: withdrawn, executed or replaced by now
                case BUTTON_WITHDRAWN -> shownButtons.stream().filter(b -> !b.equals(shownButton)).findFirst()
                        .orElse("pa_gone");
                case BUTTON_FOREIGN -> "pa_foreign";
                default -> null;
            };
        }

        /** One turn as ChatService runs it: state read back, the rule, the assistant, the state stored. */
        private void turn(Step s) {
            String confirm = pressed(s);
            String message = confirm == null ? s.text() : null;
            Dialogue before = Dialogue.before(history);
            if (message != null) {
                history.add(new HistoryMessage("user", message, null));
            }
            Decision d = ActionService.decide(confirm, message, before.proposalId());
            AssistantReply reply;
            switch (d) {
                case EXECUTE -> {
                    Proposal p = proposals.get(before.proposalId());
                    // the repository's settle: only a pending proposal of this conversation is executed, once, and
                    // only when the yes fits its kind (ActionService#confirms)
                    if (p != null && !ActionService.confirms(confirm, message, p.change.kind() == Kind.CANCEL
                            ? io.csc.chat.action.OrderChanges.Kind.CANCEL.stored
                            : "address_change")) {
                        withdraw();
                    } else if (p != null && p.conversation.equals(id) && p.state.equals("pending") && verified) {
                        p.state = "executed";
                        if (OWN.contains(p.change.order())) {
                            store.add(p.change); // the gateway refuses another customer's order
                        }
                    } else if (p != null) {
                        p.state = "dropped";
                    }
                    reply = plain("done");
                }
                case STALE_BUTTON, DECLINE -> {
                    withdraw();
                    reply = plain("nothing changed");
                }
                case WITHDRAW_AND_ANSWER -> {
                    withdraw();
                    reply = assistant(s, before);
                }
                default -> reply = assistant(s, before);
            }
            Dialogue after = ChatService.after(before, reply);
            // stored as the database keeps it, read back at the next turn
            history.add(new HistoryMessage("assistant", reply.message(), null, Dialogue.fromJson(after.toJson())));
            shownButton = reply.ui() != null && reply.ui().confirm() != null ? reply.ui().confirm().id() : null;
            if (shownButton != null) {
                shownButtons.add(shownButton);
            }
            if (after.proposalId() != null) {
                assertEquals(shownButton, after.proposalId());
            } else {
                assertNull(shownButton);
            }
        }

        private void withdraw() {
            proposals.values().forEach(p -> {
                if (p.conversation.equals(id) && p.state.equals("pending")) {
                    p.state = "dropped";
                }
            });
        }

        /**
         * The assistant double: a request proposes when the grant covers the order; a code is checked; a follow-up is
         * resolved by the built-in assistant's real resolver ({@link FollowUps#order}) against the stored state.
         */
        private AssistantReply assistant(Step s, Dialogue before) {
            switch (s.kind()) {
                case CODE_RIGHT -> {
                    verified = true;
                    return plain("verified");
                }
                case LIST -> {
                    if (!verified) {
                        return new AssistantReply("code?", List.of(), Ui.askCode(), true, List.of(), "builtin", "answered");
                    }
                    return new AssistantReply("your orders", List.of(), null, false,
                            List.of(ToolResult.ok("recentOrders", "#1, #2", List.of(order(1), order(2)))), "builtin",
                            "answered");
                }
                case FOLLOW_UP -> {
                    FollowUps.OrderFollowUp f = FollowUps.order(s.text(), before);
                    if (f == null || f.intent() != Intent.CANCEL_ORDER) {
                        return plain("which order?");
                    }
                    return propose(new Step(Kind.CANCEL, f.order(), s.text()));
                }
                case CANCEL, ADDRESS, REFUND -> {
                    return propose(s);
                }
                default -> {
                    return plain("answer");
                }
            }
        }

        private AssistantReply propose(Step s) {
            if (!verified) {
                return new AssistantReply("code?", List.of(), Ui.askCode(), true, List.of(), "builtin", "answered");
            }
            if (!OWN.contains(s.order())) {
                return plain("I can't find that order");
            }
            withdraw(); // PendingActionRepository.propose: one live proposal per conversation
            Proposal p = new Proposal("pa_" + (++next), id, new Change(s.kind(), s.order()));
            proposals.put(p.id, p);
            // the order read for the proposal is the order in focus ("cancel it" next means this one)
            return new AssistantReply("Shall I? Please confirm.", List.of(), Ui.confirm(p.id, "Do it"), false,
                    List.of(ToolResult.ok("orderStatus", "#" + s.order(), order(s.order()))), "builtin", "answered",
                    Awaiting.CONFIRMATION, false);
        }

        private static OrderSummary order(long id) {
            return new OrderSummary(id, Long.toString(id), "processing", "USD", "10.00", "0.00", "2026-11-23T22:12:1" + id,
                    null, null, List.of(), null, List.of(), List.of(), true);
        }

        private static AssistantReply plain(String text) {
            return new AssistantReply(text, List.of(), null, false, List.of(), "builtin", "answered");
        }
    }
}
