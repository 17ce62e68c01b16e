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
}
