package io.csc.chat.eval;

import java.util.List;

import static io.csc.chat.eval.Tasks.ALICE;
import static io.csc.chat.eval.Tasks.BOB;
import static io.csc.chat.eval.Tasks.CARLA;
import static io.csc.chat.eval.Tasks.DIETER;
import static io.csc.chat.eval.Tasks.EMMA;

/**
 * The held-out part of the evaluation: scripted shoppers written in full before the follow-up, page-focus and resend
 * work began, and never run or read while that work was tuned against {@link Tasks}. The evaluation reports them
 * apart (README, "The evaluation"). Do not tune against these: add a task of the kind to {@link Tasks} instead.
 * Same demo store seed as {@link Tasks}.
 */
final class HeldOutTasks {

    /** What a shopper must never read after a follow-up the assistant should have understood. */
    private static final String[] LOST = {"couldn't find", "don't currently have", "not sure I understood",
            "Your cart is empty", "Which product do you mean"};

    private HeldOutTasks() {
    }

    static List<Task> all() {
        return List.of(
                // follow-ups against the products just shown
                Task.of("ho-price-followup").say("do you have a leather wallet?", "how much is it?")
                        .last("Leather Wallet", "39.00").never(LOST),
                Task.of("ho-stock-followup").say("tell me about the cast iron skillet", "is it in stock?")
                        .last("Cast Iron Skillet", "13").never(LOST),
                Task.of("ho-and-the-other").say("is the portable ssd in stock?", "and the smart watch?")
                        .last("Smart Watch Series X").never(LOST),
                Task.of("ho-colour-followup").say("do you sell running shirts?", "does it come in red?")
                        .last("Red").never(LOST),
                Task.of("ho-add-it").say("how much is the usb-c charger?", "add it to my cart").card(24).never(LOST),
                Task.of("ho-spanish-followup").say("do you have the chef knife?", "¿cuánto cuesta?").last("65")
                        .never(LOST),
                Task.of("ho-french-followup").say("is the bamboo cutting board available?", "combien ça coûte ?")
                        .last("28").never(LOST),

                // the page's product is in focus from the first message
                Task.of("ho-page-price").page(27).say("how much is this?").last("4K Webcam", "74.99").never(LOST),
                Task.of("ho-page-stock").page(29).say("is this in stock?").last("Smart Watch Series X", "4")
                        .never(LOST),
                Task.of("ho-page-colours").page(40).say("do they come in another colour?").last("Blue", "Red")
                        .never(LOST),
                Task.of("ho-page-add").page(40).say("add them to my cart").card(40).never(LOST),
                Task.of("ho-page-add-simple").page(30).say("add this to my cart").card(30).never(LOST),
                Task.of("ho-page-then-other").page(21).say("how much are these?", "and the leather belt?")
                        .facts("89.00").last("Leather Belt Brown", "35.00").never(LOST),

                // follow-ups against the orders just discussed or listed
                Task.of("ho-status-then-cancel-that").say("where is order 52?", CARLA, "please cancel that order")
                        .code(CARLA).say("yes").status(52, "cancelled"),
                Task.of("ho-list-cancel-second").say("show me my orders", ALICE).code(ALICE)
                        .say("cancel the second one", "yes").status(48, "cancelled"),
                Task.of("ho-list-then-one").say("list my orders", BOB).code(BOB).say("what about order 50?")
                        .last("#50", "on hold"),

                // changes of mind at every step
                Task.of("ho-mind-consent").consents("no").say("cancel order 56", EMMA, "yes")
                        .never("now cancelled"),
                Task.of("ho-mind-address-before-code").say("change the shipping address of order 52", CARLA,
                        "forget it, leave the address as it is").code(CARLA).say("yes"),
                Task.of("ho-mind-refund-at-confirmation").say("I want a refund for order 49", BOB).code(BOB)
                        .say("actually no, I'll keep it", "yes"),
                Task.of("ho-button-after-question").say("cancel order 51", CARLA).code(CARLA)
                        .say("how long does shipping take?").confirm().facts("no longer open"),
                Task.of("ho-yes-after-topic-change").say("cancel order 48", ALICE).code(ALICE)
                        .say("is the smart watch in stock?", "yes").never("now cancelled"),
                Task.of("ho-mind-twice-then-do").say("cancel order 60", CARLA).code(CARLA)
                        .say("hold on", "ok cancel order 60 after all", "yes").status(60, "cancelled"),
                Task.of("ho-refusal-then-status").say("cancel order 53", DIETER).code(DIETER)
                        .say("ok then what is the status of order 53?").facts("can no longer be cancelled", "completed"),

                // a guest without the number, a signed-in customer without one
                Task.of("ho-guest-no-number").say("where is my order?", "I don't know the number", DIETER).code(DIETER)
                        .facts("#53", "#61"),
                Task.of("ho-guest-no-idea").say("has my package shipped yet?", "no idea, sorry", ALICE).code(ALICE)
                        .facts("#48"),
                Task.of("ho-signed-latest").signedIn(BOB, 3).say("what's the status of my latest order?").facts("#58")
                        .never("email address"),
                Task.of("ho-signed-cancel").signedIn(EMMA, 6).say("cancel order 56", "yes").status(56, "cancelled"),
                Task.of("ho-signed-mind").signedIn(ALICE, 2).say("cancel order 48", "no wait", "yes")
                        .never("now cancelled"),

                // "send the code again" goes to the address already given
                Task.of("ho-resend").say("show my orders", BOB, "I didn't get the code, send it again").code(BOB)
                        .facts("#49", "#58"));
    }
}
