package io.csc.chat.builtin;

import io.csc.chat.understanding.Intent;

/**
 * The decisive rules: keywords with typo tolerance, the arguments found, and what the assistant asked for. A rule
 * that fires settles the intent without the embedding model; {@link #classify} answers null when none fires.
 */
final class IntentRules {

    private IntentRules() {
    }

    static Intent classify(Words w, Arguments args, Expectation expecting, boolean productMentioned) {
        if (w.size() == 0) {
            return args.email() != null ? Intent.GIVE_EMAIL : args.code() != null ? Intent.GIVE_CODE : null;
        }
        boolean personal = w.exact("my", "me", "i", "im", "ive", "id", "mine", "we", "our", "us")
                || args.explicitOrder() != null;
        boolean orderWord = w.any("order", "ordered", "purchase", "purchased", "bought");
        boolean hasNumber = args.explicitOrder() != null || !args.bareNumbers().isEmpty();

        if (expecting == Expectation.YES_NO) {
            Intent yn = yesNo(w);
            if (yn != null && w.size() <= 5) {
                return yn;
            }
        }
        if (expecting == Expectation.CODE && args.code() != null && w.size() <= 8) {
            return Intent.GIVE_CODE;
        }
        if ((args.email() != null || args.code() != null) && onlyFiller(w)) {
            return args.code() != null && (args.email() == null || expecting == Expectation.CODE)
                    ? Intent.GIVE_CODE
                    : Intent.GIVE_EMAIL;
        }
        if (isHandoff(w)) {
            return Intent.HANDOFF;
        }
        if (w.any("cancel", "cancellation", "cancelled") || w.anyPhrase("call off", "undo the purchase",
                "undo my order", "stop my order", "stop the order", "dont want it anymore", "ordered by mistake")
                || (w.exact("stop") && hasNumber)
                || (w.phrase("dont want") && w.exact("anymore") && (orderWord || hasNumber))) {
            return Intent.CANCEL_ORDER;
        }
        if (args.address() != null || (expecting == Expectation.ADDRESS && w.size() >= 3 && hasNumber)) {
            return Intent.CHANGE_ADDRESS;
        }
        boolean addressWord = w.any("address", "adress", "adres", "street");
        if ((addressWord && w.any("change", "update", "wrong", "new", "different", "correct", "fix", "edit",
                "moved", "typo", "typed", "swap", "switch"))
                || w.anyPhrase("different address", "new address", "moved house", "i moved", "new place",
                        "where my order gets delivered", "gets delivered to", "deliver it to", "ship it to")) {
            return Intent.CHANGE_ADDRESS;
        }
        boolean policyWord = w.any("policy", "policies", "warranty", "guarantee", "paypal", "payment", "hours",
                "opening", "international") || w.anyPhrase("ship to", "pay with", "pay by", "how long")
                || (w.exact("shipping", "delivery", "postage") && !productMentioned
                        && w.anyPhrase("how much", "cost", "costs", "fee", "fees", "price", "charge"));
        boolean refundWord = w.any("refund", "refunds", "reimburse", "reimbursement", "reimbursed")
                || w.anyPhrase("money back", "send back", "send it back", "send something back", "send them back",
                        "get my money");
        boolean returnWord = w.exact("return", "returns", "retrun", "returning");
        if (refundWord || returnWord) {
            if (policyWord && !(personal && (orderWord || hasNumber))) {
                return Intent.STORE_POLICY;
            }
            return Intent.REFUND_REQUEST;
        }
        if (w.any("track", "tracking", "trackin", "shipped", "shipment", "dispatched", "dispatch", "arrive",
                "arrived", "delivered", "parcel", "package", "courier") || w.anyPhrase("on its way", "on the way")
                || ((w.exact("where", "wheres", "whereis") || w.phrase("where is")) && (personal || hasNumber))
                || (w.any("delivery") && personal && !policyWord)) {
            if (!(policyWord && !personal)) {
                return Intent.TRACKING;
            }
        }
        boolean plural = w.exact("orders", "oders", "ordrs", "purchases", "history") || w.any("orders");
        if (personal && !hasNumber && (plural || w.anyPhrase("what did i buy", "what did i order", "ordered before",
                "bought before", "what have i ordered", "what have i bought", "past purchase", "previous order"))) {
            return Intent.RECENT_ORDERS;
        }
        if (w.any("cart", "basket") || w.phrase("shopping bag") || w.phrase("my bag")) {
            return Intent.CART_SUMMARY;
        }
        if ((orderWord && personal) || (args.explicitOrder() != null && !w.any("buy"))
                || (w.any("status") && (orderWord || hasNumber))) {
            if (args.explicitOrder() != null && isOnlyOrderNumber(w, args)) {
                return Intent.GIVE_ORDER_NUMBER;
            }
            return Intent.ORDER_STATUS;
        }
        if (policyWord || (w.any("shipping", "delivery") && !productMentioned)) {
            return Intent.STORE_POLICY;
        }
        if (w.anyPhrase("in stock", "back in stock", "sold out", "available", "availability", "still have",
                "still get", "any left", "have left", "stock") || (w.exact("left") && w.exact("any", "many"))) {
            return Intent.STOCK_CHECK;
        }
        if (w.any("cheapest", "recommend", "recommendation", "suggest", "looking", "searching", "search", "find")
                || w.anyPhrase("show me", "do you sell", "do you carry", "got any", "want to buy", "kind of",
                        "anything for", "gift")) {
            return Intent.PRODUCT_SEARCH;
        }
        if (w.any("price", "priced", "cost", "costs", "expensive", "details", "detail", "specs", "material",
                "dishwasher", "size", "sizes", "colour", "color", "colors")
                || w.anyPhrase("how much", "tell me more",
                        "tell me about", "more about", "info on")) {
            return productMentioned || !w.anyPhrase("how much") ? Intent.PRODUCT_DETAILS : null;
        }
        if (args.code() != null) {
            return Intent.GIVE_CODE;
        }
        if (args.email() != null) {
            return Intent.GIVE_EMAIL;
        }
        if (args.explicitOrder() != null
                || (args.bareNumbers().size() == 1 && (expecting == Expectation.ORDER_NUMBER || w.size() <= 2))) {
            return Intent.GIVE_ORDER_NUMBER;
        }
        Intent yn = yesNo(w);
        boolean bye = w.exact("thanks", "thank", "thx", "ty", "cheers", "bye", "goodbye", "cya", "thanx", "tnx", "appreciate",
                "appreciated")
                || w.anyPhrase("thats all", "see you", "have a nice day");
        if (yn != null && (expecting == Expectation.YES_NO || !bye) && w.size() <= 4) {
            return yn;
        }
        if (bye) {
            return Intent.THANKS_BYE;
        }
        if (w.any("buy", "need", "want") && productMentioned) {
            return Intent.PRODUCT_SEARCH;
        }
        if (w.startsWith("hi", "hello", "hey", "heyy", "heya", "hiya", "howdy", "yo", "good morning",
                "good afternoon", "good evening", "greetings", "hallo", "hola", "how are you", "hows it going",
                "whats up", "sup") && w.size() <= 5) {
            return Intent.GREETING;
        }
        if (productMentioned && w.size() <= 6) {
            return Intent.PRODUCT_DETAILS;
        }
        return null;
    }

    private static boolean isHandoff(Words w) {
        if (w.any("human", "humans", "representative", "manager", "operator", "person", "agent", "staff")) {
            return true;
        }
        if (w.anyPhrase("someone real", "somebody real", "real person", "customer service", "customer support",
                "support team", "live chat", "phone number", "call you", "someone from", "somebody from")) {
            return true;
        }
        return (w.any("talk", "speak", "chat", "connect", "contact") && w.any("someone", "somebody", "team",
                "support", "anyone"));
    }

    /** "yes", "yep go ahead", "ok do it", "no thanks", "nah leave it", "never mind", "not now", "actually don't". */
    static Intent yesNo(Words w) {
        if (w.startsWith("no", "nope", "nah", "na", "n", "never mind", "nevermind", "not now", "dont", "do not",
                "actually dont", "actually no", "stop", "cancel that", "leave it", "no thanks", "not really")) {
            return Intent.NO;
        }
        if (w.startsWith("yes", "yeah", "yea", "yep", "yup", "y", "sure", "ok", "okay", "k", "confirm",
                "confirmed", "correct", "absolutely", "of course", "go ahead", "please do", "do it", "right",
                "alright", "definitely", "affirmative", "thats right", "sounds good", "please", "yes please")) {
            return Intent.YES;
        }
        return null;
    }

    private static final java.util.Set<String> FILLER = java.util.Set.of("my", "mail", "email", "e", "its", "it", "is",
            "sure", "here", "use", "please", "pls", "the", "order", "number", "no", "nr", "for", "and", "this", "thats",
            "yes", "ok", "okay", "you", "go", "code", "verification", "got", "i", "in", "a", "address", "am", "was",
            "one", "time", "otp", "pin", "hi", "hello", "hey", "thanks", "there");

    /** Only polite words, the email placeholder, "order" and numbers: the message just hands over data. */
    private static boolean onlyFiller(Words w) {
        for (String t : w.tokens()) {
            if (!(FILLER.contains(t) || t.matches("\\d+"))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isOnlyOrderNumber(Words w, Arguments args) {
        for (String t : w.tokens()) {
            if (!(t.matches("\\d+") || t.equals("order") || t.equals("no") || t.equals("nr") || t.equals("number")
                    || t.equals("num") || t.equals("its") || t.equals("it") || t.equals("is") || t.equals("the")
                    || t.equals("was") || t.equals("i") || t.equals("think") || t.equals("id"))) {
                return false;
            }
        }
        return true;
    }
}
