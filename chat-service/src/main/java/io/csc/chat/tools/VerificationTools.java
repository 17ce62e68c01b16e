package io.csc.chat.tools;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.action.PendingActionRepository;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.Ui;
import io.csc.chat.client.VerificationClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.gate.Gate;
import io.csc.chat.understanding.Language;
import io.csc.chat.understanding.ReplyCatalog;
import io.csc.model.verification.OtpSendRequest;
import io.csc.model.verification.OtpVerifyRequest;
import io.csc.model.verification.SimpleVerificationRequest;
import io.csc.model.verification.VerificationLevel;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;

/**
 * Proving who the shopper is, through verification-service: a simple match (email + order number) or a one-time code
 * sent by email. Answers never say which detail did not match, nor whether an email is a customer's.
 */
@ApplicationScoped
public class VerificationTools {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[A-Za-z]{2,}");

    private final VerificationClient verification;
    private final ConversationRepository conversations;
    private final Gate gate;
    private final ToolCalls calls;
    private final PendingActionRepository pending;
    private final ChatConfig config;

    public VerificationTools(VerificationClient verification, ConversationRepository conversations, Gate gate,
            ToolCalls calls, PendingActionRepository pending, ChatConfig config) {
        this.verification = verification;
        this.conversations = conversations;
        this.gate = gate;
        this.calls = calls;
        this.pending = pending;
        this.config = config;
    }

    /** The spec's consent question, asked before a guest's email address is used to find their orders. */
    public static final String CONSENT_QUESTION = "To access your order information, we need your consent to process your"
            + " email address. Do you consent?";

    /** Whether a reply is the consent question, in any of the languages it is asked in. */
    public static boolean isConsentQuestion(String text) {
        if (text == null) {
            return false;
        }
        for (Language l : Language.values()) {
            if (ReplyCatalog.text(l, "consent.question").equals(text)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Null when this conversation may use the shopper's email address for verification; else the consent question, as
     * a pending proposal the shopper answers with the button or a clear yes/no (handled in code by
     * {@link io.csc.chat.action.ActionService}, never by an assistant). A signed-in shopper is not asked.
     */
    private Uni<ToolResult> consentFirst(TurnContext ctx, String tool) {
        if (!config.consentRequired() || ctx.identityEmail() != null || ctx.verification().consented()) {
            return Uni.createFrom().nullItem();
        }
        return pending.propose(ctx.conversationId(), ctx.domain(), "consent", null, null)
                .map(a -> new ToolResult(tool, ToolResult.Status.CONSENT_REQUIRED,
                        ReplyCatalog.text(ctx.language(), "consent.question"), a.id(), List.of(),
                        Ui.consent(a.id(), ctx.language()), List.of()));
    }

    public Uni<ToolResult> startSimple(TurnContext ctx, String email, Long orderNumber) {
        String tool = "startSimple";
        if (!validEmail(email)) {
            return calls.run(tool, Uni.createFrom().item(invalidEmail(tool, ctx.language())));
        }
        Language lang = ctx.language();
        String e = email.trim();
        SimpleVerificationRequest request = new SimpleVerificationRequest(ctx.conversationId(), ctx.domain(), e,
                orderNumber == null ? null : Long.toString(orderNumber), null, ctx.clientIp());
        return calls.run(tool, consentFirst(ctx, tool).flatMap(asked -> asked != null
                ? Uni.createFrom().item(asked)
                : started(ctx).chain(() -> verification.simple(request)).invoke(() -> gate.grantChanged(ctx))
                        .flatMap(level -> {
                            if (level == VerificationLevel.FULL && orderNumber != null) {
                                return conversations.rememberMatch(ctx.conversationId(), orderNumber, e)
                                        .chain(() -> conversations.rememberProof(ctx.conversationId(), e,
                                                ConversationRepository.Proof.SIMPLE))
                                        .replaceWith(
                                                ToolResult.ok(tool, ReplyCatalog.text(lang, "verify.match",
                                                        Map.of("order", orderNumber)), level));
                            }
                            if (level == VerificationLevel.FULL) {
                                return Uni.createFrom()
                                        .item(ToolResult.ok(tool, ReplyCatalog.text(lang, "verify.ok"), level));
                            }
                            return Uni.createFrom().item(new ToolResult(tool, ToolResult.Status.INVALID,
                                    ReplyCatalog.text(lang, "verify.no.match"),
                                    level,
                                    List.of(), null, List.of()));
                        }).onFailure(ServiceRefusal.class)
                        .recoverWithItem(x -> tooMany(tool, (ServiceRefusal) x, lang))));
    }

    /**
     * Sends a one-time code. Without an email address (the history keeps none, and the model's memory is redacted),
     * the code goes to the address a simple match already proved in this conversation: the step-up from reading one
     * order to everything else does not ask for it again.
     */
    public Uni<ToolResult> sendCode(TurnContext ctx, String email) {
        String tool = "sendCode";
        Language lang = ctx.language();
        if (!validEmail(email)) {
            if (email != null && !email.isBlank()) {
                return calls.run(tool, Uni.createFrom().item(invalidEmail(tool, lang)));
            }
            // "send the code again": the address a code already went to in this conversation, else the matched one
            return conversations.find(ctx.conversationId()).map(c -> c == null ? null : c.codeEmail)
                    .flatMap(given -> validEmail(given)
                            ? sendCode(ctx, given)
                            : gate.access(ctx).onFailure().recoverWithItem(Gate.Access.NONE)
                                    .flatMap(access -> access.email() != null && access.level() == Gate.Level.SIMPLE
                                            ? sendCode(ctx, access.email())
                                            : calls.run(tool, Uni.createFrom().item(invalidEmail(tool, lang)))));
        }
        String e = email.trim();
        return calls.run(tool, consentFirst(ctx, tool).flatMap(asked -> asked != null
                ? Uni.createFrom().item(asked)
                : started(ctx).chain(() -> verification.sendCode(new OtpSendRequest(ctx.conversationId(), ctx.domain(), e,
                        ctx.clientIp())))
                        .call(r -> conversations.rememberCodeEmail(ctx.conversationId(), e))
                        .map(r -> new ToolResult(tool, ToolResult.Status.OK,
                                ReplyCatalog.text(lang, "code.sent",
                                        Map.of("minutes", Math.max(1, r.expiresInSeconds() / 60))),
                                null, List.of(), Ui.askCode(), List.of()))
                        .onFailure(ServiceRefusal.class).recoverWithUni(x -> ((ServiceRefusal) x).is(429, "otp_cooldown")
                                ? codeStillValid(ctx, tool, e, ((ServiceRefusal) x).retryAfterSeconds())
                                : Uni.createFrom().item(tooMany(tool, (ServiceRefusal) x, lang)))));
    }

    /**
     * A code went to this address moments ago in this conversation: the shopper keeps the code field, and the address
     * is kept for the code they type; the reply says when a new one can be sent, from verification-service's own
     * answer (its {@code Retry-After}).
     */
    private Uni<ToolResult> codeStillValid(TurnContext ctx, String tool, String email, long retryAfterSeconds) {
        return conversations.rememberCodeEmail(ctx.conversationId(), email).replaceWith(new ToolResult(tool,
                ToolResult.Status.INVALID, ReplyCatalog.text(ctx.language(), "code.recent",
                        Map.of("wait", waitWords(retryAfterSeconds, ctx.language()))),
                null, List.of(), Ui.askCode(), List.of()));
    }

    /** "in 40 seconds", "in 2 minutes" in the shopper's language; "in a moment" when the service said nothing. */
    static String waitWords(long seconds, Language lang) {
        if (seconds <= 0) {
            return ReplyCatalog.text(lang, "wait.moment");
        }
        if (seconds < 60) {
            return amount(lang, "second", seconds);
        }
        long minutes = (seconds + 59) / 60;
        if (minutes < 60) {
            return amount(lang, "minute", minutes);
        }
        return amount(lang, "hour", (minutes + 59) / 60);
    }

    private static String amount(Language lang, String unit, long n) {
        return n == 1
                ? ReplyCatalog.text(lang, "wait." + unit)
                : ReplyCatalog.text(lang, "wait." + unit + "s", Map.of("n", n));
    }

    public Uni<ToolResult> verifyCode(TurnContext ctx, String email, String code) {
        String tool = "verifyCode";
        Language lang = ctx.language();
        String digits = code == null ? "" : code.replaceAll("[^0-9]", "");
        if (digits.length() != 6) {
            return calls.run(tool, Uni.createFrom().item(new ToolResult(tool, ToolResult.Status.INVALID,
                    ReplyCatalog.text(lang, "code.digits"), null, List.of(), Ui.askCode(), List.of())));
        }
        Uni<String> target = validEmail(email)
                ? Uni.createFrom().item(email.trim())
                : conversations.find(ctx.conversationId()).map(c -> c == null ? null : c.codeEmail);
        return calls.run(tool, target.flatMap(e -> {
            if (e == null) {
                return Uni.createFrom().item(new ToolResult(tool, ToolResult.Status.INVALID,
                        ReplyCatalog.text(lang, "code.which.email"), null, List.of(), Ui.askEmail(), List.of()));
            }
            return started(ctx).chain(() -> verification.verifyCode(new OtpVerifyRequest(ctx.conversationId(), ctx.domain(),
                    e, digits))).invoke(() -> gate.grantChanged(ctx))
                    // the code proved the mailbox: from now on this conversation is that email's (privacy export)
                    .call(r -> r.verified()
                            ? conversations.rememberProof(ctx.conversationId(), e, ConversationRepository.Proof.OTP)
                            : Uni.createFrom().voidItem())
                    .map(r -> {
                        if (r.verified()) {
                            return ToolResult.ok(tool, ReplyCatalog.text(lang, "code.verified"), Boolean.TRUE);
                        }
                        if (r.attemptsLeft() > 0) {
                            return new ToolResult(tool, ToolResult.Status.INVALID,
                                    r.attemptsLeft() == 1
                                            ? ReplyCatalog.text(lang, "code.wrong.one")
                                            : ReplyCatalog.text(lang, "code.wrong", Map.of("tries", r.attemptsLeft())),
                                    null, List.of(), Ui.askCode(), List.of());
                        }
                        return ToolResult.of(tool, ToolResult.Status.INVALID,
                                ReplyCatalog.text(lang, "code.expired"));
                    }).onFailure(ServiceRefusal.class).recoverWithItem(x -> tooMany(tool, (ServiceRefusal) x, lang));
        }));
    }

    /** The conversation's current level: none, simple (one order) or strong (code or signed identity). */
    public Uni<ToolResult> status(TurnContext ctx) {
        String tool = "status";
        return calls.run(tool, gate.access(ctx).map(a -> ToolResult.ok(tool, switch (a.level()) {
            case NONE -> "You are not verified in this conversation.";
            case SIMPLE ->
                "Your email address matches " + (a.matchedOrderId() == null ? "our records" : "order #" + a.matchedOrderId())
                        + ". To see other orders or make changes, I'll need to send you a one-time code.";
            case STRONG, IDENTITY -> "Your email address is verified.";
        }, a.strong() ? "strong" : a.level().name().toLowerCase(Locale.ROOT))));
    }

    private static ToolResult tooMany(String tool, ServiceRefusal e, Language lang) {
        if (e.status() == 429) {
            String text = "otp_cooldown".equals(e.code())
                    ? ReplyCatalog.text(lang, "code.cooldown", Map.of("wait", waitWords(e.retryAfterSeconds(), lang)))
                    : ReplyCatalog.text(lang, "otp_locked".equals(e.code()) ? "code.locked" : "code.too.many");
            return ToolResult.of(tool, ToolResult.Status.INVALID, text);
        }
        if (e.status() == 400) {
            return invalidEmail(tool, lang);
        }
        return ToolResult.unavailable(tool);
    }

    private static ToolResult invalidEmail(String tool, Language lang) {
        return new ToolResult(tool, ToolResult.Status.INVALID, ReplyCatalog.text(lang, "email.invalid"), null, List.of(),
                Ui.askEmail(),
                List.of());
    }

    static boolean validEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    /**
     * Marks the conversation as one that may hold a grant, before the call that could create one (see
     * {@link io.csc.chat.assistant.VerificationState}).
     */
    private Uni<Void> started(TurnContext ctx) {
        return ctx.verification().markStarted()
                ? conversations.markVerificationStarted(ctx.conversationId())
                : Uni.createFrom().voidItem();
    }
}
