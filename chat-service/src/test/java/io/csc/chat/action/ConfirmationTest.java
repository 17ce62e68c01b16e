package io.csc.chat.action;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfirmationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            yes                                  | true  | false
            Yes, please!                         | true  | false
            ok                                   | true  | false
            go ahead                             | true  | false
            yes cancel it                        | true  | false
            no                                   | false | true
            No thanks.                           | false | true
            never mind                           | false | true
            don't                                | false | true
            yes but to another address           | false | false
            cancel order 1001                    | false | false
            what is the status                   | false | false
            ''                                   | false | false
            """)
    void onlyClearAnswersCount(String text, boolean yes, boolean no) {
        assertEquals(yes, Confirmation.isYes(text));
        assertEquals(no, Confirmation.isNo(text));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no                                      | true
            no, don't cancel it                     | true
            wait, I still want it actually          | true
            wait                                    | true
            hmm actually never mind, don't send it  | true
            I do not want to cancel it any more     | true
            on second thought keep the order        | true
            I changed my mind                       | true
            yes                                     | false
            actually yes, cancel order 51           | false
            cancel order 52                         | false
            I don't know the order number           | false
            is there no way to change the address?  | false
            no, I won't give you my email           | false
            what is the status                      | false
            """)
    void aChangeOfMindIsRecognisedInsideLongerMessages(String text, boolean withdrawal) {
        assertEquals(withdrawal, Confirmation.isWithdrawal(text));
    }

    /** "cancel it" is a yes to "Shall I cancel order #52?", never to "Shall I change the address?" or a refund note. */
    @org.junit.jupiter.api.Test
    void aYesThatSaysCancelConfirmsOnlyACancellation() {
        org.junit.jupiter.api.Assertions.assertTrue(ActionService.confirms(null, "cancel it", "cancel"));
        org.junit.jupiter.api.Assertions.assertTrue(ActionService.confirms(null, "yes cancel it", "cancel"));
        org.junit.jupiter.api.Assertions.assertFalse(ActionService.confirms(null, "cancel it", "address_change"));
        org.junit.jupiter.api.Assertions.assertFalse(ActionService.confirms(null, "yes cancel it", "refund_request"));
        org.junit.jupiter.api.Assertions.assertTrue(ActionService.confirms(null, "yes", "address_change"));
        // the proposal's own button always means that proposal
        org.junit.jupiter.api.Assertions.assertTrue(ActionService.confirms("pa_1", null, "address_change"));
    }
}
