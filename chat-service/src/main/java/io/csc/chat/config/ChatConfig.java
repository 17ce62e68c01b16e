package io.csc.chat.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** chat-service settings; each names the environment variable that sets it. */
@ConfigMapping(prefix = "chat")
public interface ChatConfig {

    /**
     * Turns in a row the assistant did not understand before it hands the conversation to the store's team
     * ({@code CHAT_AUTO_HANDOFF_AFTER}; 0 = never). Small talk and answered questions reset the count.
     */
    @WithDefault("2")
    int autoHandoffAfter();

    /** Longest shopper message in characters; longer ones are refused with 413. */
    @WithDefault("2000")
    int maxMessageLength();

    /** Conversations untouched this long are deleted with their messages ({@code CHAT_RETENTION}). */
    @WithDefault("30d")
    Duration retention();

    /** How often the retention job runs ({@code CHAT_RETENTION_EVERY}; "off" disables it). */
    @WithDefault("1h")
    String retentionEvery();

    /** How many stored messages a turn sees. */
    @WithDefault("20")
    int historySize();

    /** How long a proposed change waits for the shopper's confirmation. */
    @WithDefault("10m")
    Duration pendingActionExpiry();

    /** What the shopper is told about when staff answer a handoff ({@code CHAT_HANDOFF_ANSWER_WITHIN}). */
    @WithDefault("one business day")
    String handoffAnswerWithin();

    /** Version of the consent question's text, recorded with the shopper's consent. */
    @WithDefault("v1")
    String consentTextVersion();

    /**
     * Ask a guest for consent before their email address is used to find their orders (the spec's GDPR "Consent
     * Management"; {@code CHAT_CONSENT_REQUIRED}). A shopper signed in through the plugin is not asked.
     */
    @WithDefault("true")
    boolean consentRequired();

    RateLimits rateLimit();

    Live live();

    /** Live handoff (docs/live-handoff.md): operators' sessions, their sign-in budget, the live streams. */
    interface Live {
        /** How long an operator's sign-in lasts ({@code CHAT_LIVE_SESSION_TTL}). */
        @WithDefault("12h")
        Duration sessionTtl();

        /** Sign-in attempts per client address per 15 minutes ({@code CHAT_LIVE_SIGN_IN_PER_ADDRESS}); then 429. */
        @WithDefault("20")
        int signInPerAddress();

        /** Sign-in attempts per login per 15 minutes ({@code CHAT_LIVE_SIGN_IN_PER_LOGIN}); then 429. */
        @WithDefault("10")
        int signInPerLogin();

        /** How often a live stream sends a heartbeat comment ({@code CHAT_LIVE_HEARTBEAT}). */
        @WithDefault("15s")
        Duration heartbeat();

        /** How often waiting handoffs are checked for the claim timeout ({@code CHAT_LIVE_TIMEOUT_EVERY}; "off"). */
        @WithDefault("30s")
        String timeoutEvery();
    }

    Llm llm();

    /** The model (LLM mode). Further keys for io.csc.chat.llm go in this group. */
    interface Llm {
        /** {@code OPENAI_API_KEY}: empty = the built-in assistant answers every turn. */
        Optional<String> apiKey();

        /** How long a turn may wait for the model before the built-in assistant answers ({@code CHAT_LLM_TIMEOUT}). */
        @WithDefault("20s")
        Duration timeout();
    }

    /**
     * Hourly budgets of the public routes. A conversation session ({@code session_id}) has its own budget, so shoppers
     * behind one address (an ingress, a carrier's NAT) are not limited together; the client address has a higher
     * ceiling over all its sessions, so one address cannot open endless sessions. The address counts every answer,
     * refusals included; the address is the peer, or {@code X-Forwarded-For} only from {@code csc.web.trusted-proxies}.
     */
    interface RateLimits {
        /** Chat turns and greetings per conversation session per hour ({@code RATE_LIMIT_CHAT}). */
        @WithDefault("100")
        int chat();

        /**
         * Requests to the chat routes ({@code /api/chat/**}, history included) per client address per hour, whatever
         * the answer ({@code RATE_LIMIT_CHAT_PER_ADDRESS}).
         */
        @WithDefault("1000")
        int chatPerAddress();

        /**
         * Customer actions per conversation session per hour (per client address when a request names no session;
         * {@code RATE_LIMIT_CUSTOMER_ACTION}).
         */
        @WithDefault("50")
        int customerAction();

        /**
         * Customer-action requests per client address per hour, whatever the answer
         * ({@code RATE_LIMIT_CUSTOMER_ACTION_PER_ADDRESS}).
         */
        @WithDefault("500")
        int customerActionPerAddress();

        /** Privacy requests per client per hour ({@code RATE_LIMIT_PRIVACY}). */
        @WithDefault("20")
        int privacy();
    }
}
