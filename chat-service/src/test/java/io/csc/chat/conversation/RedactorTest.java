package io.csc.chat.conversation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            my email is alice@example.com thanks            | my email is [email] thanks
            ALICE.J+shop@mail.example.co.uk please          | [email] please
            write to jörg@bücher.de please                  | write to [email] please
            mail: ä@例え.jp                                  | mail: [email]
            Jörg.Müller@Bücher-Laden.de.                    | [email].
            ?email=alice%40example.com&x=1                  | ?email=[email]&x=1
            alice%2540example.com                           | [email]
            ALICE%40EXAMPLE.COM                             | [email]
            o'brien@example.ie wrote                        | [email] wrote
            j%C3%B6rg%40b%C3%BCcher.de                      | [email]
            bob@[192.168.0.1]                               | [email]
            alice＠example.com                               | [email]
            sent on 2026-12-06@example.com                  | sent on [email]
            call me on +1 555 123 4567                      | call me on [phone]
            call +49 30 1234 5678 after 14:30               | call [phone] after 14:30
            +44 (0)20 7946 0958                             | [phone]
            0049 30 12345678                                | [phone]
            +33 1 23 45 67 89                               | [phone]
            my number is 0612345678                         | my number is [phone]
            phone: (555) 123-4567                           | phone: [phone]
            card 4111 1111 1111 1111 exp 12/29              | card [card] exp 12/29
            card 4111-1111-1111-1111                        | card [card]
            IBAN DE89 3704 0044 0532 0130 00 please         | IBAN [iban] please
            GB82WEST12345698765432                          | [iban]
            gb82 west 1234 5698 7654 32                     | [iban]
            ship to 123 Main Street please                  | ship to [address] please
            new address: 12b Elm Rd. Springfield            | new address: [address] Springfield
            I live at Hauptstraße 5 in Berlin               | I live at [address] in Berlin
            the code is 483920                              | the code is [code]
            code 483 920                                    | code [code]
            code 123-456                                    | code [code]
            code 12.34.56.                                  | code [code].
            code 12 34 56                                   | code [code]
            what is the status of order 123456              | what is the status of order 123456
            order #123456 please                            | order #123456 please
            where is my order 1234                          | where is my order 1234
            order 48 is on the way                          | order 48 is on the way
            2 hoodies on the way, 3 in place of 1           | 2 hoodies on the way, 3 in place of 1
            send it to 12 Abbey Lane                        | send it to [address]
            #48 06.12.2026                                  | #48 06.12.2026
            #48 placed 2026-12-06 14:30                     | #48 placed 2026-12-06 14:30
            delivered 12/06/2026 at 2:30 pm                 | delivered 12/06/2026 at 2:30 pm
            on 6 Dec 2026 or December 6, 2026               | on 6 Dec 2026 or December 6, 2026
            code 378 952 21 Dec 2040                        | code [code] 21 Dec 2040
            Code 123 456 am 6. Dezember                     | Code [code] am 6. Dezember
            código 123 456 el 6 de diciembre de 2026        | código [code] el 6 de diciembre de 2026
            on 06.12.2026 14:30 please                      | on 06.12.2026 14:30 please
            2026-12-06T14:30:00Z                            | 2026-12-06T14:30:00Z
            Do you have 2 blue hoodies?                     | Do you have 2 blue hoodies?
            I want 3 items for 59.90                        | I want 3 items for 59.90
            it costs $49.99 or 49,99 € or EUR 1.299,00      | it costs $49.99 or 49,99 € or EUR 1.299,00
            2@49.99 each                                    | 2@49.99 each
            SKU HD-1234-5678 and WOO-ALBUM-1 and ABC123456  | SKU HD-1234-5678 and WOO-ALBUM-1 and ABC123456
            placed on 2026-11-20 and shipped 2026-11-21     | placed on 2026-11-20 and shipped 2026-11-21
            """)
    void redactsPersonalDataButKeepsDatesOrderNumbersAndPrices(String input, String expected) {
        assertEquals(expected, Redactor.redact(input));
    }

    @Test
    void textWithoutDigitsOrAtIsReturnedAsIs() {
        String text = "Hello, do you sell blue hoodies?";
        assertEquals(text, Redactor.redact(text));
    }
}
