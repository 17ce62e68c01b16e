package io.csc.chat.assistant;

import io.csc.chat.understanding.Language;
import io.csc.model.tenant.TenantSettings;

/**
 * What the server knows about this turn; built by chat-core, never from the model. Tools take it as their first
 * argument, so neither a model nor a shopper can name another conversation, store or verified email.
 *
 * @param tenant the store's settings from the gateway
 * @param shopper widget context (userData, cartData, page); may be empty, never trusted for identity
 * @param identityEmail email from a valid signed identity token, else null
 * @param verification whether this conversation ever started verification (the gate skips asking when not)
 */
public record TurnContext(String conversationId, String domain, String sessionId, String clientIp,
        TenantSettings tenant,
        ShopperContext shopper,
        String identityEmail,
        String locale,
        VerificationState verification) {

    /** The shopper's language this turn ({@code locale}, ISO 639-1), English when unknown: tools write their texts in it. */
    public Language language() {
        return Language.ofLocale(locale, Language.EN);
    }

    /** A context whose conversation's verification history is unknown: the gate always asks verification-service. */
    public TurnContext(String conversationId, String domain, String sessionId, String clientIp, TenantSettings tenant,
            ShopperContext shopper, String identityEmail, String locale) {
        this(conversationId, domain, sessionId, clientIp, tenant, shopper, identityEmail, locale,
                VerificationState.unknown());
    }
}
