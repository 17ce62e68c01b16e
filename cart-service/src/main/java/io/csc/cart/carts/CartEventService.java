package io.csc.cart.carts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.cart.config.CartConfig;
import io.csc.cart.tenant.TenantService;
import io.csc.model.cart.CartEvent;
import io.csc.model.cart.CartEventResult;
import io.csc.model.cart.CartItem;
import io.csc.model.cart.PingResult;
import io.csc.web.ApiException;
import io.csc.web.Emails;
import io.csc.web.PluginSignature;
import io.csc.web.RateLimiter;
import io.csc.web.StrictJson;
import io.csc.web.TenantDomain;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Takes a signed plugin event from raw bytes to the database. The order of checks is deliberate: headers present
 * (401), store known (404), signature and timestamp (401), then the body (400), then the per-store rate (429); nothing
 * is parsed or stored before the signature holds.
 */
@ApplicationScoped
public class CartEventService {
    private final TenantService tenants;
    private final CartRepository carts;
    private final ObjectMapper json;
    private final Validator validator;
    private final RateLimiter rateLimiter;
    private final CartConfig config;
    private final MeterRegistry metrics;
    private final Clock clock;

    CartEventService(TenantService tenants, CartRepository carts, ObjectMapper json, Validator validator,
            RateLimiter rateLimiter, CartConfig config, MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.carts = carts;
        this.json = json;
        this.validator = validator;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.metrics = metrics;
    }

    public Uni<CartEventResult> ingest(String domainHeader, String timestamp, String signature, String rawBody) {
        return signed(domainHeader, timestamp, signature, rawBody)
                .map(domain -> parse(rawBody))
                .call(event -> withinRate(TenantDomain.normalize(domainHeader)))
                .chain(event -> store(TenantDomain.normalize(domainHeader), event,
                        Instant.ofEpochSecond(Long.parseLong(timestamp.trim()))));
    }

    /** The plugin's "Test connection": the same checks as an event, nothing stored. */
    public Uni<PingResult> ping(String domainHeader, String timestamp, String signature, String rawBody) {
        return signed(domainHeader, timestamp, signature, rawBody).map(domain -> new PingResult(true, domain));
    }

    /**
     * Headers present (401), domain well-formed (400), store known (404), signature and timestamp (401); answers the
     * normalized domain.
     */
    private Uni<String> signed(String domainHeader, String timestamp, String signature, String rawBody) {
        if (domainHeader == null || domainHeader.isBlank() || timestamp == null || signature == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("invalid_signature", "Missing plugin signature"));
        }
        return Uni.createFrom().item(() -> TenantDomain.normalize(domainHeader))
                .chain(domain -> tenants.settings(domain).map(tenant -> {
                    PluginSignature.verify(tenant.pluginSecret(), timestamp, signature, rawBody == null ? "" : rawBody,
                            clock.instant());
                    return domain;
                }));
    }

    /**
     * The per-store event budget, shared by replicas through Redis. It protects the database from a runaway plugin; it
     * is not what keeps data correct, so when Redis itself fails the event is let through (and counted) rather than
     * lost.
     */
    private Uni<Void> withinRate(String domain) {
        if (config.eventsPerMinute() <= 0) {
            return Uni.createFrom().voidItem();
        }
        return rateLimiter.hit("cart-events", domain, config.eventsPerMinute(), Duration.ofMinutes(1))
                .onFailure().recoverWithUni(e -> {
                    metrics.counter("cart.events.rate_limit_unavailable").increment();
                    return Uni.createFrom().nullItem();
                })
                .invoke(rl -> {
                    if (rl != null && !rl.allowed()) {
                        throw new ApiException(429, "rate_limited", "Too many cart events for this store");
                    }
                }).replaceWithVoid();
    }

    private CartEvent parse(String rawBody) {
        CartEvent event;
        try {
            event = json.readValue(rawBody, CartEvent.class);
        } catch (StrictJson.ControlCharacterException e) {
            throw new ApiException(400, "invalid_characters", "The cart event contains a control character");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ApiException(400, "invalid_json", "The request body is not a valid cart event");
        }
        if (event == null) {
            throw new ApiException(400, "invalid_json", "The request body is not a valid cart event");
        }
        Set<ConstraintViolation<CartEvent>> violations = validator.validate(event);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return event;
    }

    private Uni<CartEventResult> store(String domain, CartEvent e, Instant signedAt) {
        Instant at = e.occurredAt() != null ? e.occurredAt() : signedAt;
        Instant now = clock.instant();
        if (at.isAfter(now.plus(PluginSignature.REPLAY_WINDOW))) {
            // A store clock far ahead would make every later (real) event look stale and freeze the cart.
            throw ApiException.badRequest("Invalid request: occurredAt is in the future");
        }
        String userId = normalizeUser(e.userId());
        String email = Emails.normalizeOptional(e.email());
        metrics.counter("cart.events", "type", e.type().name().toLowerCase(Locale.ROOT)).increment();
        Uni<Optional<CartRepository.Applied>> applied = switch (e.type()) {
            case CART_UPDATED -> {
                List<CartItem> items = e.cartItems() == null ? List.of() : e.cartItems();
                int count = items.stream().mapToInt(CartItem::quantity).sum();
                BigDecimal total = e.cartTotal() != null
                        ? new BigDecimal(e.cartTotal())
                        : items.stream()
                                .map(i -> i.price() == null
                                        ? BigDecimal.ZERO
                                        : new BigDecimal(i.price()).multiply(BigDecimal.valueOf(i.quantity())))
                                .reduce(BigDecimal.ZERO, BigDecimal::add);
                yield carts.cartUpdated(domain, e.sessionId(), userId, email, at, items, count, total, e.cartCurrency(),
                        e.appliedCoupons(), now);
            }
            case CHECKOUT_EMAIL -> {
                if (email == null) {
                    throw ApiException.badRequest("Invalid request: email is required for checkout_email");
                }
                yield carts.checkoutEmail(domain, e.sessionId(), userId, email, at, now);
            }
            case CONSENT -> {
                if (e.consent() == null) {
                    throw ApiException.badRequest("Invalid request: consent is required for consent events");
                }
                yield carts.consent(domain, e.sessionId(), userId, email, e.consent(), at, now);
            }
            case ORDER_PLACED -> carts.orderPlaced(domain, e.sessionId(), userId, email, e.orderId(),
                    e.orderTotal() == null ? null : new BigDecimal(e.orderTotal()), at, now);
            // The link of email n exists only once that email was rendered: the store's clock may run a little behind.
            case CART_RESTORED -> carts.restored(domain, e.sessionId(), e.step(), at, at.plus(PluginSignature.REPLAY_WINDOW));
        };
        return applied.chain(a -> a.isPresent()
                ? Uni.createFrom().item(new CartEventResult(true, true, a.get().state()))
                : carts.state(domain, e.sessionId()).map(state -> new CartEventResult(true, false, state)));
    }

    /** WooCommerce reports guests as user 0; we keep null so that "guest" has one meaning. */
    static String normalizeUser(String userId) {
        if (userId == null) {
            return null;
        }
        String trimmed = userId.trim();
        return trimmed.isEmpty() || trimmed.equals("0") ? null : trimmed;
    }
}
