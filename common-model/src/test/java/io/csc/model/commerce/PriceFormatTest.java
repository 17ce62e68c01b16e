package io.csc.model.commerce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Literal prices as WooCommerce's {@code wc_price()} prints them for each setting ("_" stands for a no-break space). */
class PriceFormatTest {

    @ParameterizedTest(name = "{0} {1} ''{2}'' ''{3}'' {4}: {5} -> {6}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "USD | left        | ,  | .  | 2 | 1234.5     | $1,234.50",
            "USD | left        | ,  | .  | 2 | 49         | $49.00",
            "USD | left        | ,  | .  | 2 | 0.005      | $0.01",
            "USD | left        | ,  | .  | 2 | 1234567.891| $1,234,567.89",
            "USD | left        | ,  | .  | 2 | -5         | -$5.00",
            "EUR | right_space | .  | ,  | 2 | 1234.5     | 1.234,50_€",
            "EUR | right       | .  | ,  | 2 | 999.99     | 999,99€",
            "GBP | left_space  | ,  | .  | 2 | 12         | £_12.00",
            "JPY | left        | ,  | .  | 0 | 1234.5     | ¥1,235",
            "JPY | left        | ,  | .  | 0 | 980        | ¥980",
            "CHF | left_space  | '  | .  | 2 | 1500       | CHF_1'500.00",
            "SEK | right_space | \"\"| ,  | 2 | 12500      | 12500,00_kr",
            "XYZ | left        | ,  | .  | 2 | 1          | XYZ1.00",
    })
    void formatsLikeWooCommerce(String currency, String position, String thousand, String decimal, String decimals,
            String amount, String expected) {
        PriceFormat format = PriceFormat.of(currency, position, thousand, decimal, decimals);
        assertEquals(expected.replace('_', '\u00a0'), format.format(amount));
    }

    @Test
    void blankSettingsTakeWooCommerceDefaults() {
        PriceFormat format = PriceFormat.of("", "sideways", null, "", "many");
        assertEquals(new PriceFormat("USD", "$", "left", ",", ".", 2), format);
        assertEquals(PriceFormat.DEFAULT, format);
    }

    @Test
    void anAmountThatIsNoNumberHasNoPrice() {
        assertNull(PriceFormat.DEFAULT.format(""));
        assertNull(PriceFormat.DEFAULT.format(null));
        assertNull(PriceFormat.DEFAULT.format("free"));
    }
}
