package io.csc.model.commerce;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;

/**
 * How a store writes its prices, from WooCommerce's general settings ({@code woocommerce_currency},
 * {@code woocommerce_currency_pos}, {@code woocommerce_price_thousand_sep}, {@code woocommerce_price_decimal_sep},
 * {@code woocommerce_price_num_decimals}), and the one thing it does: turn an amount as WooCommerce sends it
 * ("1234.5") into the text a shopper reads ("$1,234.50", "1.234,50&nbsp;€"), as {@code wc_price()} does: rounded half
 * away from zero like PHP's {@code number_format}, the symbol placed by {@code position} with a non-breaking space for
 * the {@code *_space} positions, and a minus sign ahead of the symbol.
 *
 * @param currency ISO 4217 code ("USD")
 * @param symbol what the shopper sees ("$"); {@link #symbolOf(String)} when the store does not say
 * @param position {@code left}, {@code right}, {@code left_space} or {@code right_space}
 */
public record PriceFormat(String currency, String symbol, String position, String thousandSeparator,
        String decimalSeparator, int decimals) {

    private static final char NBSP = '\u00a0';

    /**
     * The symbols of the common currencies as {@code get_woocommerce_currency_symbols()} (WooCommerce 10) gives them,
     * decoded from its HTML entities.
     */
    private static final Map<String, String> SYMBOLS = Map.ofEntries(Map.entry("USD", "$"), Map.entry("EUR", "€"),
            Map.entry("GBP", "£"), Map.entry("JPY", "¥"), Map.entry("CNY", "¥"), Map.entry("CHF", "CHF"),
            Map.entry("CAD", "$"), Map.entry("AUD", "$"), Map.entry("NZD", "$"), Map.entry("MXN", "$"),
            Map.entry("SGD", "$"), Map.entry("HKD", "$"), Map.entry("BRL", "R$"), Map.entry("SEK", "kr"),
            Map.entry("NOK", "kr"), Map.entry("DKK", "kr."), Map.entry("PLN", "zł"), Map.entry("CZK", "Kč"),
            Map.entry("HUF", "Ft"), Map.entry("RON", "lei"), Map.entry("BGN", "лв."), Map.entry("INR", "₹"),
            Map.entry("KRW", "₩"), Map.entry("RUB", "₽"), Map.entry("UAH", "₴"), Map.entry("TRY", "₺"),
            Map.entry("ILS", "₪"), Map.entry("ZAR", "R"), Map.entry("AED", "د.إ"), Map.entry("THB", "฿"),
            Map.entry("PHP", "₱"), Map.entry("IDR", "Rp"), Map.entry("MYR", "RM"), Map.entry("VND", "₫"),
            Map.entry("NGN", "₦"), Map.entry("ARS", "$"), Map.entry("CLP", "$"), Map.entry("COP", "$"));

    /** WooCommerce's defaults for a new store (USD, symbol left, "," and ".", 2 decimals); declared after the table. */
    public static final PriceFormat DEFAULT = of("USD", "left", ",", ".", "2");

    /**
     * From the settings' raw values (as strings, the way the REST API returns them); blank or unreadable values take
     * WooCommerce's defaults, and the symbol comes from the currency code.
     */
    public static PriceFormat of(String currency, String position, String thousandSeparator, String decimalSeparator,
            String decimals) {
        String code = currency == null || currency.isBlank() ? "USD" : currency.trim().toUpperCase(Locale.ROOT);
        String pos = switch (position == null ? "" : position) {
            case "right", "left_space", "right_space" -> position;
            default -> "left";
        };
        int places;
        try {
            places = Math.max(0, Math.min(8, Integer.parseInt(decimals == null ? "2" : decimals.trim())));
        } catch (NumberFormatException e) {
            places = 2;
        }
        // An empty thousand separator is a real choice ("1234.50"); an empty decimal separator is not.
        return new PriceFormat(code, symbolOf(code), pos, thousandSeparator == null ? "," : thousandSeparator,
                decimalSeparator == null || decimalSeparator.isEmpty() ? "." : decimalSeparator, places);
    }

    /** The symbol WooCommerce shows for a currency code; the code itself for one outside the table. */
    public static String symbolOf(String currency) {
        return SYMBOLS.getOrDefault(currency, currency);
    }

    /** "1234.5" -> "$1,234.50" in this format; null for an amount that is not a number (WooCommerce sends "" then). */
    public String format(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        value = value.setScale(decimals, RoundingMode.HALF_UP);
        boolean negative = value.signum() < 0;
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                number.append(thousandSeparator);
            }
            number.append(whole.charAt(i));
        }
        if (dot >= 0) {
            number.append(decimalSeparator).append(plain, dot + 1, plain.length());
        }
        String text = switch (position) {
            case "right" -> number + symbol;
            case "left_space" -> symbol + NBSP + number;
            case "right_space" -> number.toString() + NBSP + symbol;
            default -> symbol + number;
        };
        return negative ? "-" + text : text;
    }
}
