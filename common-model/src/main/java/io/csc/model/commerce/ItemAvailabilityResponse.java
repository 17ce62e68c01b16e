package io.csc.model.commerce;

import java.util.List;

/** Answer to an {@link ItemAvailabilityRequest}: one entry per item asked, in order; unknown items are not purchasable. */
public record ItemAvailabilityResponse(List<ItemStock> items) {

    public record ItemStock(long productId, long variationId, String name, String stockStatus, Integer stockQuantity,
            boolean purchasable) {

        public boolean available() {
            return purchasable && !"outofstock".equals(stockStatus);
        }
    }

    public boolean allAvailable() {
        return items.stream().allMatch(ItemStock::available);
    }
}
