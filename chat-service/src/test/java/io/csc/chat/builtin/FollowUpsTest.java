package io.csc.chat.builtin;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.csc.chat.assistant.Awaiting;
import io.csc.chat.assistant.Dialogue;
import io.csc.chat.builtin.FollowUps.OrderFollowUp;
import io.csc.chat.builtin.FollowUps.ProductAsk;
import io.csc.chat.builtin.FollowUps.ProductFollowUp;
import io.csc.chat.understanding.Intent;
import io.csc.chat.understanding.Language;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.ProductSummary.ProductVariant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Follow-ups resolved against the focus stored with the last reply (and the page's product), in four languages. */
class FollowUpsTest {

    private static Dialogue showedProducts(Long... ids) {
        return new Dialogue(Awaiting.NOTHING, null, null, List.of(ids), List.of(), "en", 0);
    }

    private static Dialogue discussed(long order) {
        return new Dialogue(Awaiting.NOTHING, null, order, List.of(), List.of(), "en", 0);
    }

    private static Dialogue listed(Long... orders) {
        return new Dialogue(Awaiting.NOTHING, null, null, List.of(), List.of(orders), "en", 0);
    }

    @Test
    void aQuestionThatNamesNothingIsAboutTheFirstProductShown() {
        Dialogue d = showedProducts(19L, 27L);
        assertEquals(new ProductFollowUp(ProductAsk.PRICE, 19), FollowUps.product("how much is it?", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.STOCK, 19), FollowUps.product("is it in stock?", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.OPTIONS, 19), FollowUps.product("does it come in blue?", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.OPTIONS, 19),
                FollowUps.product("do they come in another colour?", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.ADD_TO_CART, 19), FollowUps.product("add it to my cart", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.ADD_TO_CART, 19),
                FollowUps.product("add them to my cart please", d, null));
        assertEquals(new ProductFollowUp(ProductAsk.ADD_TO_CART, 27),
                FollowUps.product("add the second one to my cart", d, null));
    }

    @Test
    void germanSpanishAndFrenchPronounsToo() {
        Dialogue d = showedProducts(32L);
        for (String m : List.of("wie viel kostet es?", "¿cuánto cuesta?", "combien ça coûte ?", "Was kostet das?",
                "¿Cuál es el precio?", "quel est le prix ?")) {
            assertEquals(new ProductFollowUp(ProductAsk.PRICE, 32), FollowUps.product(m, d, null), m);
        }
        assertEquals(ProductAsk.STOCK, FollowUps.product("ist es auf Lager?", d, null).ask());
        assertEquals(ProductAsk.STOCK, FollowUps.product("¿está disponible?", d, null).ask());
        assertEquals(ProductAsk.OPTIONS, FollowUps.product("gibt es das in rot?", d, null).ask());
        assertEquals(ProductAsk.ADD_TO_CART, FollowUps.product("ajoutez-le au panier", d, null).ask());
        assertEquals(ProductAsk.ADD_TO_CART, FollowUps.product("in den Warenkorb legen", d, null).ask());
    }

    @Test
    void onAProductPageThePagesProductIsInFocusUntilOthersAreShown() {
        assertEquals(new ProductFollowUp(ProductAsk.PRICE, 40), FollowUps.product("how much are these?", Dialogue.START, 40L));
        assertEquals(new ProductFollowUp(ProductAsk.STOCK, 40), FollowUps.product("is this in stock?", Dialogue.START, 40L));
        assertEquals(new ProductFollowUp(ProductAsk.ADD_TO_CART, 40),
                FollowUps.product("add them to my cart", Dialogue.START, 40L));
        // products shown since are what "it" means now
        assertEquals(new ProductFollowUp(ProductAsk.PRICE, 27), FollowUps.product("how much is it?", showedProducts(27L), 40L));
    }

    @Test
    void aMessageThatNamesSomethingElseIsNoFollowUp() {
        Dialogue d = showedProducts(19L);
        assertNull(FollowUps.product("how much is shipping?", d, null));
        assertNull(FollowUps.product("what's in my cart?", d, null));
        assertNull(FollowUps.product("do you have other hoodies?", d, null));
        assertNull(FollowUps.product("thanks", d, null));
        assertNull(FollowUps.product("yes", d, null));
        // nothing in focus: nothing to point back at
        assertNull(FollowUps.product("how much is it?", Dialogue.START, null));
    }

    @Test
    void afterAListOfOrdersTheNthOneIsTheNthShown() {
        Dialogue d = listed(60L, 52L, 51L);
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("cancel the second one", d));
        assertEquals(new OrderFollowUp(Intent.ORDER_STATUS, 60), FollowUps.order("what about the first?", d));
        assertEquals(new OrderFollowUp(Intent.ORDER_STATUS, 52), FollowUps.order("the second one", d));
        assertEquals(new OrderFollowUp(Intent.ORDER_STATUS, 51), FollowUps.order("and the last one?", d));
        assertEquals(new OrderFollowUp(Intent.TRACKING, 60), FollowUps.order("where is the first one?", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("storniere die zweite", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("cancela el segundo", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 60), FollowUps.order("annule la première", d));
        // past the list's end, or "that one" among three: not a guess
        assertNull(FollowUps.order("cancel the fourth one", d));
        assertNull(FollowUps.order("cancel that one", d));
    }

    @Test
    void afterOneOrderWasDiscussedItIsThatOrder() {
        Dialogue d = discussed(52);
        assertEquals(new OrderFollowUp(Intent.TRACKING, 52), FollowUps.order("where is it?", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("cancel that one", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("please cancel that order", d));
        assertEquals(new OrderFollowUp(Intent.CANCEL_ORDER, 52), FollowUps.order("cancel it", d));
        assertEquals(new OrderFollowUp(Intent.TRACKING, 52), FollowUps.order("¿dónde está?", d));
        assertEquals(new OrderFollowUp(Intent.TRACKING, 52), FollowUps.order("wo ist sie?", d));
        // a number is a request of its own; a message about something else is no follow-up
        assertNull(FollowUps.order("cancel order 53", d));
        assertNull(FollowUps.order("is it in stock?", d));
        assertNull(FollowUps.order("cancel it", Dialogue.START));
    }

    @Test
    void theLatestOrderNeedsNoNumber() {
        assertTrue(FollowUps.latestOrder("what's the status of my latest order?"));
        assertTrue(FollowUps.latestOrder("where is my last order"));
        assertTrue(FollowUps.latestOrder("¿dónde está mi último pedido?"));
        assertFalse(FollowUps.latestOrder("status of order 52"));
        assertFalse(FollowUps.latestOrder("is the latest webcam in stock?"));
    }

    @Test
    void sendTheCodeAgainIsAskedInManyWays() {
        for (String m : List.of("send the code again", "I didn't get the code, send it again", "can you resend it?",
                "I never received the email", "new code please", "Schicken Sie mir einen neuen Code",
                "¿puedes reenviar el código?", "pouvez-vous renvoyer le code ?")) {
            assertTrue(DialogueState.asksForNewCode(m), m);
        }
        for (String m : List.of("123456", "my email is a@b.example", "the code is 123456", "what is your return policy",
                "cancel order 52")) {
            assertFalse(DialogueState.asksForNewCode(m), m);
        }
    }

    private static final ProductSummary SHIRT = new ProductSummary(40, "Performance Running Shirt", "variable",
            "TS-RUN-VAR", "29.00", "29.00", "", false, "instock", null, null, null, List.of(),
            List.of(new ProductVariant(41, "", "34.00", "instock", 10, List.of("Color: Red", "Size: S")),
                    new ProductVariant(42, "", "34.00", "outofstock", 0, List.of("Color: Red", "Size: M")),
                    new ProductVariant(45, "", "29.00", "instock", 23, List.of("Color: Blue", "Size: M"))),
            null);

    @Test
    void theColoursAndSizesComeFromTheVariations() {
        String all = ProductFollowUpText.options(SHIRT, Map.of(), Language.EN);
        assertTrue(all.contains("color Red, Blue; size S, M"), all);
        assertTrue(all.contains("Blue, M: 29.00, in stock (23 available)"), all);
        String red = ProductFollowUpText.options(SHIRT, Map.of("color", "red"), Language.EN);
        assertTrue(red.startsWith("Yes, Performance Running Shirt comes in Red:"), red);
        assertTrue(red.contains("Red, M: 34.00, out of stock"), red);
        String green = ProductFollowUpText.options(SHIRT, Map.of("color", "green"), Language.EN);
        assertTrue(green.startsWith("No, Performance Running Shirt doesn't come in green."), green);
    }

    @Test
    void addingToTheCartSaysWhatTheButtonNeeds() {
        assertTrue(ProductFollowUpText.addToCart(SHIRT, Language.EN).contains("choose color, size first")
                || ProductFollowUpText.addToCart(SHIRT, Language.EN).contains("choose Color, Size first"));
        ProductSummary tote = new ProductSummary(20, "Canvas Tote Bag", "simple", "AC-TOTE-003", "15.00", "15.00", "",
                false, "outofstock", 0, null, null, List.of(), List.of(), null);
        assertTrue(ProductFollowUpText.addToCart(tote, Language.EN).contains("out of stock"));
    }
}
