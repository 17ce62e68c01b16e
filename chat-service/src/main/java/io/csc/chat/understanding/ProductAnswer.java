package io.csc.chat.understanding;

import java.util.List;

import io.csc.model.commerce.ProductSummary;
import io.csc.model.commerce.ProductSummary.ProductVariant;

/**
 * The catalogue's answer to a product question, as data; {@link ProductReasoner#render} writes it in a language.
 *
 * @param kind what the answer says
 * @param products the products to show, best first (the matches, or the in-stock alternatives)
 * @param product the one product asked about (stock, restock and variation answers), else null
 * @param variant the variation asked about, else null
 * @param asked what the shopper named, as written (for "we don't sell ..."), else null
 * @param attributes the asked attribute values as the catalogue writes them ("Blue, M"), else null
 * @param options the variations on offer, for "doesn't come in ...; available: ...", else empty
 */
public record ProductAnswer(Kind kind, List<ProductSummary> products, ProductSummary product, ProductVariant variant,
        String asked, String attributes, List<String> options) {

    public enum Kind {
        /** The matching products, sorted as asked. */
        MATCHES,
        /** Nothing in the catalogue is what was named: the store does not sell it. */
        NOT_SOLD,
        /** Things of that kind exist but none fits the price / sale constraint. */
        NONE_FITS,
        /** The named product is out of stock; {@code products} holds in-stock alternatives of its category. */
        OUT_OF_STOCK,
        /** The named product is on backorder: it can be ordered and ships when back. */
        BACKORDER,
        /** The named product is in stock. */
        IN_STOCK,
        /** The asked variation exists and is in stock (quantity on the variant when the store tracks it). */
        VARIATION_IN_STOCK, VARIATION_BACKORDER, VARIATION_OUT_OF_STOCK,
        /** The product does not come in the asked attributes; {@code options} lists what it comes in. */
        VARIATION_NOT_OFFERED
    }
}
