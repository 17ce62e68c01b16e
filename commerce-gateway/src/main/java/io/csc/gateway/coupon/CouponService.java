package io.csc.gateway.coupon;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.web.ApiException;
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
    private static final DateTimeFormatter WOO_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final WooCommerceApi woo;
    private final ReactiveValueCommands<String, String> values;
    private final ObjectMapper json;
    private final SecureRandom random = new SecureRandom();

    public CouponService(WooCommerceApi woo, ReactiveRedisDataSource redis, ObjectMapper json) {
        this.woo = woo;
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
        String code = code(request.prefix());
        Instant expires = request.expiresAt().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode coupon = json.createObjectNode()
                .put("code", code)
                .put("discount_type", "percent")
                .put("amount", Integer.toString(request.percent()))
                .put("individual_use", true)
                .put("usage_limit", 1)
                .put("usage_limit_per_user", 1)
                .put("date_expires_gmt", WOO_DATE.format(expires))
                .put("description", "Cart recovery (" + request.reference() + ")");
        coupon.putArray("email_restrictions").add(request.email().trim().toLowerCase(Locale.ROOT));
        coupon.putArray("meta_data").addObject().put("key", "_csc_reference").put("value", request.reference());
        return woo.createCoupon(tenant, coupon)
                .map(r -> new CouponIssued(r.body().path("id").asLong(), r.body().path("code").asText(code.toLowerCase()),
                        request.percent(), expires))
                .onFailure(e -> attemptsLeft > 1 && e instanceof WooException w
                        && "woocommerce_rest_coupon_code_already_exists".equals(w.code()))
                .recoverWithUni(() -> create(tenant, request, attemptsLeft - 1));
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
