package io.csc.chat.conversation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my email is alice@example.com thanks            | my email is [email] thanks
            ALICE.J+shop@mail.example.co.uk please          | [email] please
            call me on +1 555 123 4567                      | call me on [phone]
            my number is 0612345678                         | my number is [phone]
            phone: (555) 123-4567                           | phone: [phone]
            card 4111 1111 1111 1111 exp 12/29              | card [card] exp 12/29
            card 4111-1111-1111-1111                        | card [card]
            ship to 123 Main Street please                  | ship to [address] please
            new address: 12b Elm Rd. Springfield            | new address: [address] Springfield
            I live at Hauptstraße 5 in Berlin               | I live at [address] in Berlin
            the code is 483920                              | the code is [code]
            code 483 920                                    | code [code]
            what is the status of order 123456              | what is the status of order 123456
            order #123456 please                            | order #123456 please
            where is my order 1234                          | where is my order 1234
            Do you have 2 blue hoodies?                     | Do you have 2 blue hoodies?
            I want 3 items for 59.90                        | I want 3 items for 59.90
            """)
    void redactsPersonalDataButKeepsOrderNumbers(String input, String expected) {
        assertEquals(expected, Redactor.redact(input));
    }
}
