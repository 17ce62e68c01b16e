package io.csc.gateway.woo;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.csc.gateway.tenant.ActiveTenant;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * A store's time zone, read from WordPress's public site index and remembered for a while per store. WooCommerce
 * interprets the local {@code date_*} fields it is sent (a coupon's {@code date_expires}) in this zone and ignores
 * their {@code _gmt} twins, so an instant must be converted before it is sent. Empty when the store does not tell
 * (index disabled by a security plugin, store down): callers then check what the store stored.
 */
@ApplicationScoped
public class StoreTimeZoneService {
    private static final Duration KEEP = Duration.ofHours(1);
    private static final Duration KEEP_UNKNOWN = Duration.ofMinutes(5);
    private static final int MAX_STORES = 10_000;

    private final WooCommerceApi woo;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    public StoreTimeZoneService(WooCommerceApi woo) {
        this.woo = woo;
    }

    public Uni<Optional<ZoneId>> zoneOf(ActiveTenant tenant) {
        Known cached = known.get(tenant.domain());
        long now = System.nanoTime();
        if (cached != null && cached.until - now > 0) {
            return Uni.createFrom().item(cached.zone);
        }
        return woo.getSiteTimeZone(tenant)
                .map(r -> parse(r.body()))
                .onFailure().recoverWithItem(e -> {
                    Log.debugf("Time zone of %s unknown: %s", tenant.domain(), e.getClass().getSimpleName());
                    return Optional.<ZoneId>empty();
                })
                .invoke(zone -> {
                    if (known.size() > MAX_STORES) {
                        known.clear();
                    }
                    known.put(tenant.domain(),
                            new Known(zone, now + (zone.isPresent() ? KEEP : KEEP_UNKNOWN).toNanos()));
                });
    }

    /** Forgets a store's zone (its owner may have changed it). */
    public void forget(String domain) {
        known.remove(domain);
    }

    /**
     * {@code timezone_string} when it names a zone (DST rules included); otherwise {@code gmt_offset} in hours, which
     * WordPress keeps as a number or a numeric string and which may be fractional (5.5 for India).
     */
    static Optional<ZoneId> parse(JsonNode index) {
        if (index == null) {
            return Optional.empty();
        }
        String name = index.path("timezone_string").asText("").trim();
        if (!name.isEmpty()) {
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                // not a zone id Java knows: fall back to the offset
            }
        }
        JsonNode offset = index.get("gmt_offset");
        if (offset == null || offset.isNull() || offset.asText().isBlank()) {
            return Optional.empty();
        }
        try {
            double hours = Double.parseDouble(offset.asText().trim());
            return Optional.of(ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600)));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    private record Known(Optional<ZoneId> zone, long until) {
    }
}
