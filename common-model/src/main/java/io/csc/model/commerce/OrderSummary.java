package io.csc.model.commerce;

import java.util.List;

/**
 * One order of a verified shopper. Built only from WooCommerce's answer; the assistant renders order facts from
 * this and nothing else.
 */
public record OrderSummary(
        long id,
        String number,
        String status,
        String currency,
        String total,
        String shippingTotal,
        String dateCreated,
        String dateCompleted,
        String paymentMethodTitle,
        List<Line> lineItems,
        Address shipping,
        List<Tracking> tracking,
        List<Refund> refunds,
        boolean cancellable) {

    public record Line(long productId, long variationId, String name, String sku, int quantity, String total) {
    }

    /** Shipment tracking (WooCommerce Shipment Tracking's {@code _wc_shipment_tracking_items} order meta). */
    public record Tracking(String provider, String trackingNumber, String trackingUrl, String dateShipped) {
    }

    public record Refund(long id, String amount, String reason) {
    }
}
