package io.csc.model.cart;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/carts/stats?domain=}: carts ever abandoned, those converted afterwards ("recovered"), the rate and
 * the revenue, split by the recovery email step that preceded the order (step 0 = ordered before any email).
 */
public record CartStats(
        boolean success,
        String domain,
        long abandoned,
        long recovered,
        double recoveryRate,
        String recoveredRevenue,
        List<StepStats> steps) {

    /** {@code skipped} counts skip reasons (ordered, unsubscribed, out_of_stock, no_consent, ...). */
    public record StepStats(int step, long sent, Map<String, Long> skipped, long recovered, String revenue,
            long couponsIssued) {
    }
}
