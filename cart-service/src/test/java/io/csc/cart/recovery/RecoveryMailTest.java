package io.csc.cart.recovery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.csc.cart.carts.CartRow;
import io.csc.model.cart.CartItem;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.mailer.Mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rendering alone, no Quarkus: escaping, headers, subject per step, coupon only when given. */
class RecoveryMailTest {
    private static final TenantSettings TENANT = new TenantSettings("shop.test", "<Shop>", "https://shop.test", true, List.of(),
            "secret", "help@shop.test", false);

    @Test
    void escapesStoreAndItemNamesAndSetsUnsubscribeHeaders() {
        Mail mail = RecoveryMail.render(content(1, null));
        assertTrue(mail.getHtml().contains("&lt;script&gt;"));
        assertFalse(mail.getHtml().contains("<script>"));
        assertEquals(List.of("<https://carts.test/u?token=t>"), mail.getHeaders().get("List-Unsubscribe"));
        assertEquals(List.of("List-Unsubscribe=One-Click"), mail.getHeaders().get("List-Unsubscribe-Post"));
        assertEquals(List.of("<cart-5-step-1@shop.test>"), mail.getHeaders().get("Message-ID"));
        assertEquals("You left something in your cart at <Shop>", mail.getSubject());
        assertTrue(mail.getText().contains("Total: 7.50 EUR"));
        assertFalse(mail.getText().contains("Use code"));
    }

    @Test
    void laterStepsCarryTheCouponAndTheLastOneSaysSo() {
        Mail middle = RecoveryMail.render(content(2, "BACK-XYZ"));
        assertEquals("Your cart at <Shop> is waiting: 10% off inside", middle.getSubject());
        assertTrue(middle.getText().contains("Use code BACK-XYZ for 10% off (valid until 1 January 2030, 00:00 UTC"));
        assertEquals("Last chance: 10% off your cart at <Shop>", RecoveryMail.render(content(3, "BACK-XYZ")).getSubject());
    }

    private static RecoveryMail.Content content(int step, String coupon) {
        CartRow cart = new CartRow(5, "shop.test", "s", "1", "a@example.com", false,
                List.of(new CartItem("k", 1, 0L, "<script>alert(1)</script>", 3, "2.50", null, null)), 3,
                new BigDecimal("7.5000"),
                "EUR", List.of(), "abandoned", Instant.now(), Instant.now(), 0, 0, null, null, null, null, null, null,
                Instant.now(),
                Instant.now());
        Claim claim = new Claim(5, step, 1, UUID.randomUUID(), Instant.now(), coupon, coupon == null ? null : 10,
                coupon == null ? null : Instant.parse("2030-01-01T00:00:00Z"));
        return new RecoveryMail.Content(TENANT, cart, claim, 3, "https://shop.test/?csc_restore=r",
                "https://carts.test/u?token=t",
                coupon, coupon == null ? null : 10, coupon == null ? null : Instant.parse("2030-01-01T00:00:00Z"));
    }
}
