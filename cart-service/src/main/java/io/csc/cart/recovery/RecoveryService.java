package io.csc.cart.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.cart.carts.CartRow;
import io.csc.cart.client.GatewayClient;
import io.csc.cart.config.CartConfig;
import io.csc.cart.tenant.TenantService;
import io.csc.model.cart.RestoreToken;
import io.csc.model.cart.ScanResult;
import io.csc.model.cart.UnsubscribeToken;
import io.csc.model.commerce.CouponIssued;
import io.csc.model.commerce.CouponRequest;
import io.csc.model.commerce.ItemAvailabilityRequest;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.SignedToken;
import io.csc.web.SignedToken.Purpose;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the recovery emails that are due, exactly once per (cart, step) across any number of replicas.
 * <p>
 * Order of operations for one step, and why:
 * <ol>
 * <li>Claim (committed on its own): the row is ours until the lease ends. Nobody else can send it meanwhile.</li>
 * <li>Re-check the cart (ordered, back to active, consent withdrawn, unsubscribed, out of stock): a skip is recorded
 * with its reason instead of a mail.</li>
 * <li>From step 2, get the coupon from the gateway with reference {@code cart-<id>-step-<n>}: a retry after a crash
 * gets the same coupon back, never a second one; its code is stored on the claimed row.</li>
 * <li>Send, but only with enough lease left to finish the SMTP exchange, so the lease cannot run out mid-send and hand
 * the step to another replica.</li>
 * <li>Mark sent and schedule the next step in one transaction.</li>
 * </ol>
 * A crash before step 4 completes leaves the claim to expire: the step is claimed again and sent (never lost). The one
 * window left is between the SMTP server's acceptance and our commit in step 5 (milliseconds): a crash exactly there
 * would resend that step after the lease. We accept that window rather than mark "sent" before sending, which would
 * turn the same crash into a silently lost email; the fixed Message-ID makes such a copy collapse in the inbox.
 */
@ApplicationScoped
public class RecoveryService {
    private final RecoveryRepository repository;
    private final TenantService tenants;
    private final GatewayClient gateway;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final CartConfig config;
    private final MeterRegistry metrics;

    public RecoveryService(RecoveryRepository repository, TenantService tenants, GatewayClient gateway,
            ReactiveMailer mailer, Clock clock, CartConfig config, MeterRegistry metrics) {
        this.repository = repository;
        this.tenants = tenants;
        this.gateway = gateway;
        this.mailer = mailer;
        this.clock = clock;
        this.config = config;
        this.metrics = metrics;
    }

    enum Outcome {
        SENT, SKIPPED, FAILED, LOST
    }

    /** Claims and processes due steps until none are left (or {@code maxPerTick} were handled). */
    public Uni<ScanResult> sendDue() {
        long started = System.nanoTime();
        return round(new long[5]).map(c -> new ScanResult(0, c[0], c[1], c[2], c[3], 0,
                (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<long[]> round(long[] counts) {
        Instant now = clock.instant();
        int batch = config.recovery().batchSize();
        return repository.claim(now, now.plus(config.recovery().lease()), batch).chain(claims -> {
            if (claims.isEmpty()) {
                return Uni.createFrom().item(counts);
            }
            return Multi.createFrom().iterable(claims)
                    .onItem().transformToUni(this::process).merge(Math.max(1, config.recovery().concurrency()))
                    .collect().asList()
                    .chain(outcomes -> {
                        counts[0] += claims.size();
                        for (Outcome o : outcomes) {
                            switch (o) {
                                case SENT -> counts[1]++;
                                case SKIPPED -> counts[2]++;
                                default -> counts[3]++;
                            }
                        }
                        return claims.size() < batch || counts[0] >= config.recovery().maxPerTick()
                                ? Uni.createFrom().item(counts)
                                : round(counts);
                    });
        });
    }

    Uni<Outcome> process(Claim claim) {
        return repository.cart(claim.cartId())
                .chain(cart -> cart == null
                        ? Uni.createFrom().item(Outcome.LOST)
                        : tenants.settings(cart.domain()).chain(tenant -> decide(claim, cart, tenant)))
                .onFailure().recoverWithUni(e -> {
                    Log.warnf("Recovery step %s failed (attempt %d): %s", claim.reference(), claim.attempts(),
                            e.getClass().getSimpleName());
                    Instant now = clock.instant();
                    return repository.release(claim, config.recovery().maxAttempts(),
                            now.plus(config.recovery().retryAfter()), now)
                            .onFailure().recoverWithNull()
                            .replaceWith(Outcome.FAILED);
                })
                .invoke(outcome -> metrics.counter("cart.recovery.steps", "step", Integer.toString(claim.step()),
                        "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment());
    }

    private Uni<Outcome> decide(Claim claim, CartRow cart, TenantSettings tenant) {
        if ("converted".equals(cart.state())) {
            return skip(claim, "ordered", false);
        }
        if (!"abandoned".equals(cart.state())) {
            // Back to active since the step was scheduled; a new abandonment schedules it again.
            return finish(claim, "cancelled", "active_again", false).replaceWith(Outcome.SKIPPED);
        }
        if (!cart.recoverable()) {
            return skip(claim, cart.email() == null ? "no_email" : "no_consent", false);
        }
        return repository.unsubscribed(cart.domain(), cart.email()).chain(unsubscribed -> {
            if (unsubscribed) {
                return skip(claim, "unsubscribed", false);
            }
            ItemAvailabilityRequest stock = new ItemAvailabilityRequest(cart.domain(), cart.items().stream()
                    .map(i -> new ItemAvailabilityRequest.Item(i.productId(), i.variationId() == null ? 0 : i.variationId()))
                    .toList());
            return gateway.checkStock(stock).chain(answer -> answer.allAvailable()
                    ? coupon(claim, cart).chain(coupon -> send(claim, cart, tenant, coupon))
                    : skip(claim, "out_of_stock", true));
        });
    }

    /** The step's coupon: none for the first email or a 0% step, the stored one on a retry, else a new one. */
    private Uni<CouponIssued> coupon(Claim claim, CartRow cart) {
        int percent = percentFor(claim.step());
        if (percent <= 0) {
            return Uni.createFrom().nullItem();
        }
        if (claim.couponCode() != null) {
            return Uni.createFrom()
                    .item(new CouponIssued(0, claim.couponCode(), claim.couponPercent(), claim.couponExpiresAt()));
        }
        Instant expires = clock.instant().plus(config.recovery().couponValidity());
        CouponRequest request = new CouponRequest(cart.domain(), cart.email(), percent, expires,
                config.recovery().couponPrefix(), claim.reference());
        return gateway.createCoupon(request).call(issued -> repository.saveCoupon(claim, issued));
    }

    int percentFor(int step) {
        List<Integer> discounts = config.recovery().discounts();
        if (step < 2 || discounts.isEmpty()) {
            return 0;
        }
        return discounts.get(Math.min(step - 2, discounts.size() - 1));
    }

    private Uni<Outcome> send(Claim claim, CartRow cart, TenantSettings tenant, CouponIssued coupon) {
        Instant now = clock.instant();
        if (now.plus(config.recovery().sendMargin()).isAfter(claim.leaseUntil())) {
            // Too little lease left to finish safely: let the claim expire and be retried rather than risk two senders.
            Log.warnf("Recovery step %s: lease nearly over, leaving it for a later attempt", claim.reference());
            return Uni.createFrom().item(Outcome.FAILED);
        }
        String secret = tenant.pluginSecret();
        String restore = SignedToken.sign(Purpose.RESTORE, secret, new RestoreToken(cart.sessionId(), cart.items().stream()
                .map(i -> new RestoreToken.Item(i.productId(), i.variationId() == null ? 0 : i.variationId(), i.quantity()))
                .toList(), coupon == null ? null : coupon.code(), claim.step()), now.plus(config.recovery().restoreValidity()));
        String unsubscribe = SignedToken.sign(Purpose.UNSUBSCRIBE, secret, new UnsubscribeToken(cart.domain(), cart.email()),
                now.plus(config.recovery().unsubscribeValidity()));
        String storeUrl = tenant.storeUrl() == null ? "https://" + cart.domain() : tenant.storeUrl();
        String restoreUrl = stripSlash(storeUrl) + "/?csc_restore=" + restore;
        String unsubscribeUrl = stripSlash(config.publicBaseUrl()) + "/api/carts/unsubscribe?token=" + unsubscribe;
        int lastStep = config.recovery().stepSeconds().length;
        var mail = RecoveryMail.render(new RecoveryMail.Content(tenant, cart, claim, lastStep, restoreUrl, unsubscribeUrl,
                coupon == null ? null : coupon.code(), coupon == null ? null : coupon.percent(),
                coupon == null ? null : coupon.expiresAt()));
        return mailer.send(mail)
                .chain(() -> finish(claim, "sent", null, true)
                        .onFailure().invoke(e -> Log.errorf("Recovery step %s was sent but could not be marked sent: %s",
                                claim.reference(), e.getClass().getSimpleName()))
                        // Never release a step that went out: the lease expiring is the only way it could be resent.
                        .onFailure().recoverWithItem(false))
                .replaceWith(Outcome.SENT);
    }

    private Uni<Outcome> skip(Claim claim, String reason, boolean continueSequence) {
        return finish(claim, "skipped", reason, continueSequence).replaceWith(Outcome.SKIPPED);
    }

    private Uni<Boolean> finish(Claim claim, String status, String reason, boolean continueSequence) {
        Long[] schedule = config.recovery().stepSeconds();
        Long next = continueSequence && claim.step() < schedule.length ? schedule[claim.step()] : null;
        return repository.finish(claim, status, reason, clock.instant(), next).invoke(ours -> {
            if (!ours) {
                Log.warnf("Recovery step %s: claim was taken over before it finished", claim.reference());
            }
        });
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
