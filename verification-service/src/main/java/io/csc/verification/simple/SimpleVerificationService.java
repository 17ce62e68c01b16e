package io.csc.verification.simple;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Timeout;

import io.csc.model.commerce.CustomerSummary;
import io.csc.model.verification.SimpleVerificationRequest;
import io.csc.model.verification.VerificationLevel;
import io.csc.model.verification.VerificationMethod;
import io.csc.verification.client.GatewayClient;
import io.csc.verification.client.OrderOwnership;
import io.csc.verification.config.VerificationConfig;
import io.csc.verification.crypto.KeyedHasher;
import io.csc.verification.grant.GrantService;
import io.csc.verification.health.VerificationMetrics;
import io.csc.verification.limit.AttemptLimitService;
import io.csc.verification.limit.AttemptLimitService.Cap;
import io.csc.verification.limit.TooManyAttemptsException;
import io.csc.web.Emails;
import io.csc.web.TenantDomain;
import io.smallrye.mutiny.Uni;

/**
 * The spec's information matching against live store data. {@code full} needs proof beyond the email: an existing
 * order the email owns (billing email or owning customer, checked by the gateway), as WooCommerce's own order tracking
 * asks. A known customer's email is {@code partial}, with or without a name: names are guessable from the address
 * ({@code alice.johnson@...}), so a name adds nothing; {@code partial} opens nothing private, it only tells the
 * assistant what to ask next. Anything else is {@code none}. Attempts are capped because order numbers are guessable.
 */
@ApplicationScoped
public class SimpleVerificationService {
    private final GatewayClient gateway;
    private final GrantService grants;
    private final AttemptLimitService limits;
    private final KeyedHasher hasher;
    private final VerificationMetrics metrics;
    private final VerificationConfig.Simple config;

    public SimpleVerificationService(GatewayClient gateway, GrantService grants, AttemptLimitService limits,
            KeyedHasher hasher, VerificationMetrics metrics, VerificationConfig config) {
        this.gateway = gateway;
        this.grants = grants;
        this.limits = limits;
        this.hasher = hasher;
        this.metrics = metrics;
        this.config = config.simple();
    }

    /** The whole match (caps, customer and order lookups, grant) within one configured deadline. */
    @Timeout
    public Uni<VerificationLevel> verify(SimpleVerificationRequest request) {
        String conversationId = request.conversationId();
        String domain = TenantDomain.normalize(request.domain());
        String email = Emails.normalizeOptional(request.email());
        String emailId = email == null ? null : hasher.emailId(domain, email);
        return limits.check("simple", List.of(
                new Cap("conversation", conversationId, config.maxAttemptsPerConversation()),
                new Cap("email", emailId, config.maxAttemptsPerEmail()),
                new Cap("ip", request.clientIp(), config.maxAttemptsPerIp())))
                .onFailure(TooManyAttemptsException.class).invoke(() -> metrics.verification("simple", "rate_limited"))
                .chain(() -> email == null
                        ? Uni.createFrom().item(VerificationLevel.NONE)
                        : match(domain, email, request.orderNumber())
                                .chain(level -> grants.record(conversationId, domain, email, level, VerificationMethod.SIMPLE)
                                        .replaceWith(level)))
                .invoke(level -> metrics.verification("simple", level.name().toLowerCase(Locale.ROOT)));
    }

    private Uni<VerificationLevel> match(String domain, String email, String orderNumber) {
        OptionalLong orderId = parseOrderId(orderNumber);
        Uni<Optional<CustomerSummary>> customer = gateway.customer(domain, email);
        Uni<OrderOwnership> order = orderId.isPresent()
                ? gateway.orderOwnership(domain, orderId.getAsLong(), email)
                : Uni.createFrom().item(OrderOwnership.NOT_FOUND);
        return Uni.combine().all().unis(customer, order).with((found, ownership) -> {
            if (ownership == OrderOwnership.OWNED) {
                return VerificationLevel.FULL;
            }
            return found.isPresent() ? VerificationLevel.PARTIAL : VerificationLevel.NONE;
        }).onFailure().transform(GatewayClient::unavailable);
    }

    /** "47", "#47" or " # 47 " name order 47; anything else names no order we could look up. */
    static OptionalLong parseOrderId(String orderNumber) {
        if (orderNumber == null) {
            return OptionalLong.empty();
        }
        String digits = orderNumber.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1).strip();
        }
        if (!digits.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(digits);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }
}
