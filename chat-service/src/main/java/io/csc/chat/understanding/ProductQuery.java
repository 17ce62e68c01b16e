package io.csc.chat.understanding;

import java.util.List;
import java.util.Map;

/**
 * What a shopper asks of the catalogue, parsed from the message in any of the four languages.
 *
 * @param sort cheapest or dearest first, or as the catalogue lists them
 * @param onSale only products on sale
 * @param minPrice the least price (inclusive), or null
 * @param maxPrice the highest price (inclusive), or null
 * @param categories the catalogue category names the message points at ("hoodie" -> Hoodies), in catalogue spelling
 * @param words the words that name what is wanted, in catalogue words where a translation is known
 *            ("kopfhörer" -> earbuds); a use ("for coffee") adds the words of what serves it
 * @param attributes wanted variation attributes, lower case: {@code color -> blue}, {@code size -> m}
 * @param need true for a use or a gift ("something for coffee lovers"): a list of ideas, never one product
 */
public record ProductQuery(Sort sort, boolean onSale, Double minPrice, Double maxPrice, List<String> categories,
        List<String> words, Map<String, String> attributes, boolean need) {

    public enum Sort {
        CHEAPEST, DEAREST, NONE
    }

    /** True when the message constrains the list (a sort, a price, on sale): a browsing question. */
    public boolean browsing() {
        return sort != Sort.NONE || onSale || minPrice != null || maxPrice != null;
    }
}
