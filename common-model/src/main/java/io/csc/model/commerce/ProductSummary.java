package io.csc.model.commerce;

import java.util.List;

/** A product as the assistant and the widget need it (public data only); {@code image} may be null. */
public record ProductSummary(
        long id,
        String name,
        String type,
        String sku,
        String price,
        String regularPrice,
        String salePrice,
        boolean onSale,
        String stockStatus,
        Integer stockQuantity,
        String permalink,
        String shortDescription,
        List<String> categories,
        List<ProductVariant> variations,
        Image image) {

    /** The product's first image ({@code images[0]} in WooCommerce: {@code src}, {@code alt}); null when it has none. */
    public record Image(String src, String alt) {
    }

    /** A variation of a variable product: its attributes (e.g. "Color: Red") and availability. */
    public record ProductVariant(long id, String sku, String price, String stockStatus, Integer stockQuantity,
            List<String> attributes) {
    }
}
