package io.csc.chat.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scripted shopper, tau-bench style: the turns it plays, the store state it should leave (orders whose status,
 * shipping postcode or notes must change; every other order, note and coupon must stay as seeded) and the facts the
 * replies must state (and must never state).
 */
final class Task {

    /** A shopper turn: a typed message, the newest code mailed to an address, a wrong code, or the confirm button. */
    record Step(String kind, String value) {
    }

    final String id;
    final List<Step> steps = new ArrayList<>();
    final Map<Long, String> status = new LinkedHashMap<>();
    final Map<Long, String> postcode = new LinkedHashMap<>();
    final List<Long> noted = new ArrayList<>();
    final List<String> facts = new ArrayList<>();
    final List<String> forbidden = new ArrayList<>();
    /** How this shopper answers the consent question: "button", "yes" (typed) or "no". */
    String consent = "button";
    /** Facts the last reply must state (a follow-up is answered by the turn that asked it, not an earlier one). */
    final List<String> lastFacts = new ArrayList<>();
    /** A product the last reply must show as a card with an add-to-cart button, or null. */
    Long cardProduct;
    /** The product page the shopper chats from ({@code context.page}), or null. */
    Long pageProduct;
    /** The signed-in customer's email (a signed identity from the plugin rides with every message), or null. */
    String signedIn;
    long signedInCustomer;

    private Task(String id) {
        this.id = id;
    }

    static Task of(String id) {
        return new Task(id);
    }

    Task say(String... messages) {
        for (String m : messages) {
            steps.add(new Step("say", m));
        }
        return this;
    }

    Task code(String email) {
        steps.add(new Step("code", email));
        return this;
    }

    Task wrongCode() {
        steps.add(new Step("say", "000000"));
        return this;
    }

    Task confirm() {
        steps.add(new Step("confirm", null));
        return this;
    }

    Task status(long order, String s) {
        status.put(order, s);
        return this;
    }

    Task postcode(long order, String p) {
        postcode.put(order, p);
        return this;
    }

    Task noted(long order) {
        noted.add(order);
        return this;
    }

    /** The shopper answers the consent question by typing this ("yes", "no") instead of pressing the button. */
    Task consents(String answer) {
        consent = answer;
        return this;
    }

    /** The last reply states each of these. */
    Task last(String... f) {
        lastFacts.addAll(List.of(f));
        return this;
    }

    /** The last reply shows this product as a card the widget can add to the cart. */
    Task card(long productId) {
        cardProduct = productId;
        return this;
    }

    /** The shopper writes from this product's page. */
    Task page(long productId) {
        pageProduct = productId;
        return this;
    }

    /** The shopper is signed in to the store as this customer. */
    Task signedIn(String email, long customerId) {
        signedIn = email;
        signedInCustomer = customerId;
        return this;
    }

    Task facts(String... f) {
        facts.addAll(List.of(f));
        return this;
    }

    Task never(String... f) {
        forbidden.addAll(List.of(f));
        return this;
    }
}
