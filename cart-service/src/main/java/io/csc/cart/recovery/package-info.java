/**
 * Recovery emails. Their outbox is the table {@code cart.recovery_emails}, one row per (cart, step), and it has exactly
 * two writers:
 * <ul>
 * <li>{@code abandonment.AbandonmentScanService.SCAN} inserts step 1 when it marks a cart abandoned (and re-arms a
 * pending or cancelled row when a cart is abandoned again);</li>
 * <li>{@link io.csc.cart.recovery.RecoveryRepository}'s {@code NEXT} inserts steps 2 and 3, in the transaction that
 * marks the previous step sent.</li>
 * </ul>
 * Everything else here only claims, skips or finishes existing rows ({@link io.csc.cart.recovery.RecoveryService}
 * lists the order of operations); {@link io.csc.cart.recovery.CartScanJob} runs the scan and then the sends on every
 * replica. The schedule (delays of steps 1 to 3) is configuration: {@code cart.recovery.schedule}.
 */
package io.csc.cart.recovery;
