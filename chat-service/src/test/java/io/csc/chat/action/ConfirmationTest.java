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
}
