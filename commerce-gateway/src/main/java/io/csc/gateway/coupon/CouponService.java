package io.csc.gateway.coupon;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.StoreTimeZoneService;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.web.ApiException;
import io.csc.web.Emails;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Unique single-use coupons for one shopper (abandoned-cart recovery): a random code nobody can guess, percent
 * discount, restricted to the shopper's email, one use, expiring. The caller's {@code reference} makes the call
 * idempotent, so a retried recovery step gets the same coupon instead of a second one.
 */
@ApplicationScoped
public class CouponService {
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private final WooCommerceApi woo;
    private final StoreTimeZoneService zones;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public CouponService(WooCommerceApi woo, StoreTimeZoneService zones, ReactiveRedisDataSource redis, ObjectMapper json) {
        this.woo = woo;
        this.zones = zones;
        this.values = redis.value(String.class);
        this.json = json;
    }

    public Uni<CouponIssued> issue(ActiveTenant tenant, CouponRequest request) {
        String refKey = "gw:" + tenant.domain() + ":coupon-ref:" + StoreCache.queryId(request.reference());
        return values.get(refKey).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(read(existing));
            }
            String lockKey = refKey + ":lock";
            return values.setnx(lockKey, "1").chain(locked -> {
                if (!locked) {
                    return Uni.createFrom().failure(ApiException.conflict("coupon_in_progress",
                            "A coupon for this reference is being created; retry shortly"));
                }
                return create(tenant, request, 3)
                        .call(issued -> values.set(refKey, write(issued),
                                new SetArgs().exAt(issued.expiresAt().plus(1, ChronoUnit.DAYS))))
                        .eventually(() -> values.getdel(lockKey));
            });
        });
    }

    private Uni<CouponIssued> create(ActiveTenant tenant, CouponRequest request, int attemptsLeft) {
        Instant expires = request.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        return zones.zoneOf(tenant).chain(zone -> create(tenant, request, expires, zone.orElse(ZoneOffset.UTC), attemptsLeft));
    }

    /**
     * WooCommerce reads {@code date_expires} as the store's local time and ignores {@code date_expires_gmt} on write
     * (fixtures coupon_create_date_expires_*), so the instant is sent in the store's zone. The store's answer says
     * which instant it stored: when the zone was unknown or wrong, the expiry is moved by the difference once.
     */
    private Uni<CouponIssued> create(ActiveTenant tenant, CouponRequest request, Instant expires, ZoneId zone,
            int attemptsLeft) {
        String code = code(request.prefix());
        ObjectNode coupon = json.createObjectNode()
                .put("code", code)
                .put("discount_type", "percent")
                .put("amount", Integer.toString(request.percent()))
                .put("individual_use", true)
                .put("usage_limit", 1)
                .put("usage_limit_per_user", 1)
                .put("date_expires", local(expires, zone))
                .put("description", "Cart recovery (" + request.reference() + ")");
        coupon.putArray("email_restrictions").add(Emails.normalize(request.email()));
        coupon.putArray("meta_data").addObject().put("key", "_csc_reference").put("value", request.reference());
        return woo.createCoupon(tenant, coupon)
                .chain(r -> ensureExpiry(tenant, r.body(), expires, zone, true))
                .map(body -> new CouponIssued(body.path("id").asLong(), body.path("code").asText(code.toLowerCase()),
                        request.percent(), expires))
                .onFailure(e -> attemptsLeft > 1 && e instanceof WooException w
                        && "woocommerce_rest_coupon_code_already_exists".equals(w.code()))
                .recoverWithUni(() -> create(tenant, request, expires, zone, attemptsLeft - 1));
    }

    private Uni<JsonNode> ensureExpiry(ActiveTenant tenant, JsonNode coupon, Instant expires, ZoneId zone,
            boolean mayCorrect) {
        Instant stored = storedExpiry(coupon);
        if (expires.equals(stored)) {
            return Uni.createFrom().item(coupon);
        }
        long id = coupon.path("id").asLong();
        if (!mayCorrect || stored == null) {
            // A coupon that never expires (or expires at an instant we cannot explain) must not reach a shopper.
            Log.warnf("Store %s did not keep coupon %d's expiry; deleting it", tenant.domain(), id);
            zones.forget(tenant.domain());
            return woo.deleteCoupon(tenant, id, true).onFailure().recoverWithNull()
                    .chain(() -> Uni.createFrom().failure(new ApiException(502, "coupon_expiry_not_kept",
                            "The store did not keep the coupon's expiry date")));
        }
        // The zone we used was not the store's: shift the local time by what the store got wrong.
        Duration drift = Duration.between(stored, expires);
        Log.infof("Store %s: coupon expiry off by %s with zone %s; corrected", tenant.domain(), drift, zone);
        zones.forget(tenant.domain());
        ObjectNode change = json.createObjectNode().put("date_expires",
                WOO_DATE.format(LocalDateTime.parse(local(expires, zone)).plus(drift)));
        return woo.updateCoupon(tenant, id, change)
                .chain(r -> ensureExpiry(tenant, r.body(), expires, zone, false));
    }

    private static Instant storedExpiry(JsonNode coupon) {
        JsonNode gmt = coupon.get("date_expires_gmt");
        if (gmt == null || gmt.isNull() || gmt.asText().isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(gmt.asText()).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String local(Instant instant, ZoneId zone) {
        return WOO_DATE.format(instant.atZone(zone));
    }

    /** {@code PREFIX-XXXXXXXX} from 32 unambiguous characters: 40 bits of randomness. */
    String code(String prefix) {
        StringBuilder code = new StringBuilder();
        if (prefix != null && !prefix.isBlank()) {
            code.append(prefix.toUpperCase(Locale.ROOT)).append('-');
        }
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    private String write(CouponIssued issued) {
        try {
            return json.writeValueAsString(issued);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private CouponIssued read(String text) {
        try {
            return json.readValue(text, CouponIssued.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
