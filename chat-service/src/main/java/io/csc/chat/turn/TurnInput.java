package io.csc.chat.turn;

import io.csc.chat.assistant.ShopperContext;
import io.csc.model.tenant.TenantSettings;

/** One shopper turn as the public route received it, already checked (tenant known and enabled, sizes, origin). */
public record TurnInput(TenantSettings tenant, String sessionId, String conversationId, String message, ShopperContext shopper,
        String identityToken, String confirm, String clientIp) {
}
