package io.csc.chat.builtin;

import java.util.List;

/** The demo store's seeded products (deploy/demo-store seed.json), written out by hand for the understanding tests. */
final class DemoCatalog {

    static final List<ProductMatcher.Entry> ENTRIES = List.of(
            new ProductMatcher.Entry(11, "Classic Cotton T-Shirt", "TS-CLASSIC-001"),
            new ProductMatcher.Entry(12, "Vintage Logo T-Shirt", "TS-VINTAGE-002"),
            new ProductMatcher.Entry(13, "Organic V-Neck Tee", "TS-VNECK-003"),
            new ProductMatcher.Entry(14, "Striped Long Sleeve Tee", "TS-STRIPE-004"),
            new ProductMatcher.Entry(15, "Zip-Up Fleece Hoodie", "HD-ZIP-001"),
            new ProductMatcher.Entry(16, "Pullover Hoodie Heather Grey", "HD-PULL-002"),
            new ProductMatcher.Entry(17, "Heavyweight Winter Hoodie", "HD-WINTER-003"),
            new ProductMatcher.Entry(18, "Leather Belt Brown", "AC-BELT-001"),
            new ProductMatcher.Entry(19, "Wool Beanie", "AC-BEANIE-002"),
            new ProductMatcher.Entry(20, "Canvas Tote Bag", "AC-TOTE-003"),
            new ProductMatcher.Entry(21, "Aviator Sunglasses", "AC-SUN-004"),
            new ProductMatcher.Entry(22, "Leather Wallet", "AC-WALLET-005"),
            new ProductMatcher.Entry(23, "Wireless Earbuds Pro", "EL-EARBUDS-001"),
            new ProductMatcher.Entry(24, "USB-C Fast Charger 65W", "EL-CHARGER-002"),
            new ProductMatcher.Entry(25, "Bluetooth Speaker Mini", "EL-SPEAKER-003"),
            new ProductMatcher.Entry(26, "Mechanical Keyboard TKL", "EL-KEYBOARD-004"),
            new ProductMatcher.Entry(27, "4K Webcam", "EL-WEBCAM-005"),
            new ProductMatcher.Entry(28, "Portable SSD 1TB", "EL-SSD-006"),
            new ProductMatcher.Entry(29, "Smart Watch Series X", "EL-WATCH-007"),
            new ProductMatcher.Entry(30, "Stainless Steel Water Bottle", "HK-BOTTLE-001"),
            new ProductMatcher.Entry(31, "Ceramic Coffee Mug Set", "HK-MUGS-002"),
            new ProductMatcher.Entry(32, "Chef Knife 8 inch", "HK-KNIFE-003"),
            new ProductMatcher.Entry(33, "Bamboo Cutting Board", "HK-BOARD-004"),
            new ProductMatcher.Entry(34, "French Press Coffee Maker", "HK-PRESS-005"),
            new ProductMatcher.Entry(35, "Cast Iron Skillet 12 inch", "HK-SKILLET-006"),
            new ProductMatcher.Entry(36, "The Pragmatic Programmer", "BK-PRAG-001"),
            new ProductMatcher.Entry(37, "Clean Architecture", "BK-CLEAN-002"),
            new ProductMatcher.Entry(38, "Designing Data-Intensive Applications", "BK-DDIA-003"),
            new ProductMatcher.Entry(39, "Refactoring 2nd Edition", "BK-REFAC-004"),
            new ProductMatcher.Entry(40, "Performance Running Shirt", "TS-RUN-VAR"));

    private DemoCatalog() {
    }
}
