package io.csc.chat.builtin;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.csc.chat.understanding.Intent;

/**
 * Example sentences per intent for the embedding match. Kept apart from the utterance table the tests score against
 * (none of these sentences is in it), so the reported accuracy is on unseen phrasing.
 */
final class IntentPrototypes {

    static final Map<Intent, List<String>> ALL = new EnumMap<>(Intent.class);

    static {
        ALL.put(Intent.GREETING, List.of("hello", "hi, is anybody there?", "good evening",
                "hey, I have a question", "greetings"));
        ALL.put(Intent.PRODUCT_SEARCH, List.of("I am looking for a present for my sister",
                "what products do you have for the kitchen", "do you sell jackets", "show me some books",
                "I need something to keep my drinks cold", "what would you recommend for a runner",
                "which headphones do you offer", "browse your electronics"));
        ALL.put(Intent.STOCK_CHECK, List.of("is this item in stock", "do you still have it available",
                "is it sold out", "when will it be back in stock", "how many units are left",
                "can I still buy this one or is it gone", "is it available now"));
        ALL.put(Intent.PRODUCT_DETAILS, List.of("how much does it cost", "what is the price of this product",
                "tell me about this item", "what material is it made of", "what are the dimensions",
                "give me the specs of this product", "is it on sale"));
        ALL.put(Intent.ORDER_STATUS, List.of("what is the status of my order", "any news about my order",
                "has my order been processed", "is my order confirmed", "I ordered something and heard nothing since",
                "what's going on with my purchase", "check on my order please"));
        ALL.put(Intent.RECENT_ORDERS, List.of("show all my orders", "what have I bought from you",
                "list my previous purchases", "my order history", "which orders did I place"));
        ALL.put(Intent.TRACKING, List.of("where is my order", "where is my parcel right now", "when will it arrive",
                "has it been shipped", "give me the tracking number", "my package has not arrived yet",
                "I am still waiting for my delivery", "when do I get my stuff"));
        ALL.put(Intent.CANCEL_ORDER, List.of("I want to cancel my order", "please cancel it",
                "I no longer want what I ordered", "stop the order before it ships", "I regret buying it, undo it",
                "I ordered by accident, can you cancel"));
        ALL.put(Intent.CHANGE_ADDRESS, List.of("I need to change my delivery address",
                "please send it to another address", "my address is wrong on the order",
                "can I update where the parcel is going", "I have moved, please update my shipping details"));
        ALL.put(Intent.REFUND_REQUEST, List.of("I want my money back", "I would like to return this item",
                "the product is damaged, I want a refund", "how do I return something",
                "it does not fit, can I send it back", "please refund my order"));
        ALL.put(Intent.CART_SUMMARY, List.of("what is in my shopping cart", "show my basket",
                "how much is in my cart", "what items did I add to the cart"));
        ALL.put(Intent.HANDOFF, List.of("I want to talk to a real person", "let me speak to a human agent",
                "can someone from support contact me", "transfer me to customer service",
                "you are not helping, get me a person", "how can I call you"));
        ALL.put(Intent.THANKS_BYE, List.of("thank you", "thanks a lot, bye", "that is all I needed",
                "great, have a nice day", "goodbye"));
        ALL.put(Intent.STORE_POLICY, List.of("what is your returns policy", "how long does delivery take",
                "how much does shipping cost", "do you deliver internationally", "which payment options do you take",
                "when is your shop open", "is there a guarantee on your products", "can I pay with a credit card"));
        ALL.put(Intent.YES, List.of("yes", "yes, go ahead", "that's right"));
        ALL.put(Intent.NO, List.of("no", "no, don't do that", "not right now"));
        ALL.put(Intent.OTHER, List.of("what's the capital of France", "write me a poem", "how are you feeling",
                "what is the meaning of life", "do you like football", "random nonsense text"));
    }

    private IntentPrototypes() {
    }
}
