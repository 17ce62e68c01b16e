package io.csc.cart.carts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.model.cart.CartItem;
import io.vertx.mutiny.sqlclient.Row;

/** One stored cart (table {@code cart.carts}); mapped to wire records at the edge. */
public record CartRow(
        long id,
        String domain,
        String sessionId,
        String userId,
        String email,
        boolean consent,
        List<CartItem> items,
        int itemCount,
        BigDecimal cartTotal,
        String currency,
        List<String> appliedCoupons,
        String state,
        Instant lastActivityAt,
        Instant abandonedAt,
        int stepsDone,
        int emailsSent,
        Instant lastEmailAt,
        String orderId,
        BigDecimal orderTotal,
        Instant convertedAt,
        Integer attributedStep,
        String attributedCoupon,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLUMNS = "id, domain, session_id, user_id, email, consent, items, item_count, cart_total, currency,"
            + " applied_coupons, state, last_activity_at, abandoned_at, steps_done, emails_sent, last_email_at, order_id,"
            + " order_total, converted_at, attributed_step, attributed_coupon, created_at, updated_at";

    private static final TypeReference<List<CartItem>> ITEMS = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    public static CartRow from(Row row, ObjectMapper json) {
        try {
            return new CartRow(
                    row.getLong("id"),
                    row.getString("domain"),
                    row.getString("session_id"),
                    row.getString("user_id"),
                    row.getString("email"),
                    row.getBoolean("consent"),
                    json.readValue(row.getValue("items").toString(), ITEMS),
                    row.getInteger("item_count"),
                    row.getBigDecimal("cart_total"),
                    row.getString("currency"),
                    json.readValue(row.getValue("applied_coupons").toString(), STRINGS),
                    row.getString("state"),
                    instant(row, "last_activity_at"),
                    instant(row, "abandoned_at"),
                    row.getInteger("steps_done"),
                    row.getInteger("emails_sent"),
                    instant(row, "last_email_at"),
                    row.getString("order_id"),
                    row.getBigDecimal("order_total"),
                    instant(row, "converted_at"),
                    row.getInteger("attributed_step"),
                    row.getString("attributed_coupon"),
                    instant(row, "created_at"),
                    instant(row, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable cart row " + row.getLong("id"), e);
        }
    }

    public static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    public boolean guest() {
        return userId == null;
    }

    /** The abandonment rule, apart from time: items, an email, guests only with consent, no order. */
    public boolean recoverable() {
        return itemCount > 0 && email != null && (!guest() || consent) && !"converted".equals(state);
    }

    public String total() {
        return amount(cartTotal);
    }

    /** Decimal strings as WooCommerce writes them: at least two decimals, no trailing zeros beyond. */
    public static String amount(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.setScale(Math.max(2, stripped.scale()), RoundingMode.HALF_UP).toPlainString();
    }
}
