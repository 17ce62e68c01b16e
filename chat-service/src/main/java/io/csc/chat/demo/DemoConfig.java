package io.csc.chat.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The demo storefront ({@code GET /demo}): whether it exists and which tenant it shows. Its routes hand out identity
 * tokens of the demo customers and send recovery mails for them, so they are off unless a deployment turns them on;
 * any store but the demo one must never get them.
 */
@ConfigMapping(prefix = "chat.demo")
public interface DemoConfig {
    /**
     * {@code CHAT_DEMO_ENABLED}: the demo page and its routes; false (the default) = every demo route answers 404.
     * {@code deploy/local/run} turns it on.
     */
    @WithDefault("false")
    boolean enabled();

    /** {@code CHAT_DEMO_DOMAIN}: the demo store's tenant; {@code off} turns the demo off too. */
    @WithDefault("demo.localhost")
    String domain();

    /** The demo store's currency (WooCommerce setting {@code woocommerce_currency}), shown beside prices. */
    @WithDefault("USD")
    String currency();

    /** On, and naming a tenant. */
    default boolean active() {
        String d = domain().trim();
        return enabled() && !d.isEmpty() && !d.equalsIgnoreCase("off") && !d.equalsIgnoreCase("none");
    }
}
