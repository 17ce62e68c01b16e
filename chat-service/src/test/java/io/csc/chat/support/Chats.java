package io.csc.chat.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.TurnContext;
import io.csc.model.tenant.TenantSettings;

/** A conversation opened through the public route, and the server-side context its tools would get. */
public record Chats(String ip, String domain, String session, String conversationId) {

    public static Chats open() {
        String ip = Api.randomIp();
        String domain = Api.randomDomain();
        String session = Api.session();
        Map<String, Object> body = new HashMap<>();
        body.put("session_id", session);
        body.put("domain", domain);
        String id = Api.client(ip).body(body).post("/api/chat/start").then().statusCode(200).extract().path("conversation_id");
        return new Chats(ip, domain, session, id);
    }

    public TenantSettings tenant() {
        return new TenantSettings(domain, "Test Store", "https://" + domain, true, List.of("https://" + domain),
                Stubs.PLUGIN_SECRET,
                "support@" + domain, false);
    }

    public TurnContext ctx() {
        return ctx(null);
    }

    public TurnContext ctx(String identityEmail) {
        return new TurnContext(conversationId, domain, session, ip, tenant(), ShopperContext.empty(), identityEmail, null);
    }

    public Map<String, Object> turn(String message) {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        body.put("session_id", session);
        body.put("domain", domain);
        body.put("conversation_id", conversationId);
        return body;
    }

    public Map<String, Object> action(String action, Map<String, Object> data) {
        Map<String, Object> body = new HashMap<>();
        body.put("action", action);
        body.put("domain", domain);
        body.put("conversationId", conversationId);
        body.put("session_id", session);
        body.put("data", data);
        return body;
    }
}
