package io.csc.chat.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The demo storefront ({@code GET /demo}): which tenant it shows. Any store but the demo one must never get it. */
@ConfigMapping(prefix = "chat.demo")
public interface DemoConfig {
    /** {@code CHAT_DEMO_DOMAIN}: the demo store's tenant; {@code off} turns the demo off (every demo route 404). */
    @WithDefault("demo.localhost")
    String domain();

    /** The demo store's currency (WooCommerce setting {@code woocommerce_currency}), shown beside prices. */
    @WithDefault("USD")
    String currency();

    default boolean enabled() {
        String d = domain().trim();
        return !d.isEmpty() && !d.equalsIgnoreCase("off") && !d.equalsIgnoreCase("none");
    }
}
