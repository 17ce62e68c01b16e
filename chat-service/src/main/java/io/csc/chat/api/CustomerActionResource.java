package io.csc.chat.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.csc.chat.action.OrderChanges;
import io.csc.chat.action.OrderChanges.Change;
import io.csc.chat.action.OrderChanges.Kind;
import io.csc.chat.assistant.ShopperContext;
import io.csc.chat.assistant.TurnContext;
import io.csc.chat.assistant.VerificationState;
import io.csc.chat.client.GatewayClient;
import io.csc.chat.config.ChatConfig;
import io.csc.chat.conversation.ConversationRepository;
import io.csc.chat.gate.Gate;
import io.csc.chat.identity.IdentityService;
import io.csc.chat.metrics.ChatMetrics;
import io.csc.model.commerce.Address;
import io.csc.model.tenant.TenantSettings;
import io.csc.web.ApiException;
import io.csc.web.client.ServiceRefusal;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The spec's six customer actions, behind the same gate as the assistant's tools: 401 {@code verification_required}
 * without a grant, 401 {@code session_required} unless {@code session_id} owns the conversation, 403
 * {@code step_up_required} when the action needs a one-time code and the grant is a simple match, 404
 * {@code order_not_found} for someone else's order and for one that does not exist alike, 409 when the order's state forbids the change. The request
 * itself is the shopper's explicit action (a button in the widget), so changes run at once.
 */
@Path("/api/woocommerce/customer-action")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CustomerActionResource {
    static final Set<String> ACTIONS = Set.of("get-info", "get-order-status", "get-recent-orders", "get-tracking",
            "update-address",
            "cancel-order");

    private final PublicEdge edge;
    private final Gate gate;
    private final GatewayClient gateway;
    private final OrderChanges changes;
    private final ConversationRepository conversations;
    private final IdentityService identities;
    private final ChatMetrics metrics;
    private final ChatConfig config;

    public CustomerActionResource(PublicEdge edge, Gate gate, GatewayClient gateway, OrderChanges changes,
            ConversationRepository conversations,
            IdentityService identities, ChatMetrics metrics, ChatConfig config) {
        this.edge = edge;
        this.gate = gate;
        this.gateway = gateway;
        this.changes = changes;
        this.conversations = conversations;
        this.identities = identities;
        this.metrics = metrics;
        this.config = config;
    }

    @POST
    public Uni<Map<String, Object>> act(CustomerActionRequest body, HttpServerRequest request, HttpServerResponse response) {
        if (body == null) {
            throw ApiException.badRequest("A JSON body is required");
        }
        if (body.action() == null || !ACTIONS.contains(body.action())) {
            throw ApiException.badRequest("action must be one of " + String.join(", ", ACTIONS.stream().sorted().toList()));
        }
        String domain = PublicEdge.domain(body.domain());
        if (body.conversationId() == null || body.conversationId().isBlank() || body.conversationId().length() > 64) {
            throw ApiException.badRequest("conversationId is required");
        }
        Map<String, Object> data = body.data() == null ? Map.of() : body.data();
        Long orderId = needsOrder(body.action()) ? orderNumber(data) : null;
        return edge.admit(request, response, domain, "customer-action", session(body), config.rateLimit().customerAction())
                .flatMap(tenant -> conversation(tenant, body).flatMap(ctx -> gate.access(ctx)
                        .onFailure().transform(e -> ApiException.unavailable("verification_unavailable",
                                "Verification is temporarily unavailable, please try again shortly"))
                        .flatMap(access -> run(body.action(), ctx, access, orderId, data))))
                .onFailure(ServiceRefusal.class).transform(e -> refusal((ServiceRefusal) e))
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> ApiException.unavailable("store_unavailable",
                        "The store cannot be reached right now, please try again in a few minutes"));
    }

    /** The session the request names, when valid: its budget is the one counted (else the client address'). */
    private static String session(CustomerActionRequest body) {
        String session = body.sessionId();
        return session != null && PublicEdge.SESSION.matcher(session).matches() ? session : null;
    }

    /**
     * The conversation this request acts through. A conversation id is no credential (it is mailed on a handoff and
     * shown to operators): only the session that owns it may use it, so a missing or wrong {@code session_id}, an
     * unknown conversation or another store's is 401, whatever else the request carries.
     */
    private Uni<TurnContext> conversation(TenantSettings tenant, CustomerActionRequest body) {
        IdentityService.Identity identity = identities.verify(tenant, body.identityToken());
        return conversations.find(body.conversationId()).map(conv -> {
            if (conv == null || !conv.domain.equals(tenant.domain()) || body.sessionId() == null
                    || !body.sessionId().equals(conv.sessionId)) {
                metrics.gateRefusal("session_required");
                throw ApiException.unauthorized("session_required",
                        "session_id must name the session that owns this conversation");
            }
            return new TurnContext(conv.id, tenant.domain(), conv.sessionId, null, tenant, ShopperContext.empty(),
                    identity == null ? null : identity.email(), null,
                    new VerificationState(conv.verificationStartedAt != null));
        });
    }

    private Uni<Map<String, Object>> run(String action, TurnContext ctx, Gate.Access access, Long orderId,
            Map<String, Object> data) {
        if (access.level() == Gate.Level.NONE) {
            metrics.gateRefusal("verification_required");
            throw ApiException.unauthorized("verification_required", "Verification required");
        }
        boolean allowed = switch (action) {
            case "get-order-status", "get-tracking" -> access.mayRead(orderId);
            case "cancel-order", "update-address" -> access.mayChange(orderId);
            default -> access.strong();
        };
        if (!allowed) {
            metrics.gateRefusal("step_up");
            throw new ApiException(403, "step_up_required", "This action needs your email confirmed with a one-time code");
        }
        String domain = ctx.domain();
        String email = access.email();
        return switch (action) {
            case "get-info" -> gateway.customer(domain, email).map(c -> ok(action, "customer", c.orElse(null)));
            case "get-order-status" -> gateway.order(domain, orderId, email).map(o -> ok(action, "order", o));
            case "get-tracking" -> gateway.order(domain, orderId, email).map(o -> {
                Map<String, Object> out = ok(action, "orderNumber", o.number());
                out.put("status", o.status());
                out.put("tracking", o.tracking() == null ? List.of() : o.tracking());
                return out;
            });
            case "get-recent-orders" -> gateway.orders(domain, email, 10).map(list -> ok(action, "orders", list));
            case "cancel-order" -> change(ctx, email, new Change(Kind.CANCEL, orderId,
                    data.get("reason") instanceof String s ? s : null, null), action);
            case "update-address" -> change(ctx, email, new Change(Kind.ADDRESS, orderId, null, address(data)), action);
            default -> throw ApiException.badRequest("Unknown action");
        };
    }

    /**
     * The request is the shopper's explicit action, so the change runs at once, through the same path a confirmed
     * proposal takes; an order whose state forbids it is 409 before the store is asked to change anything.
     */
    private Uni<Map<String, Object>> change(TurnContext ctx, String email, Change change, String action) {
        return gateway.order(ctx.domain(), change.orderId(), email).flatMap(o -> {
            if (!change.kind().allowedFor(o.status())) {
                throw change.kind() == Kind.CANCEL
                        ? ApiException.conflict("not_cancellable", "This order can no longer be cancelled")
                        : ApiException.conflict("not_editable", "This order's address can no longer be changed");
            }
            return changes.execute(ctx, email, change).map(c -> ok(action, "order", c));
        });
    }

    private Address address(Map<String, Object> data) {
        Object raw = data.containsKey("address") ? data.get("address") : data.get("shipping");
        if (!(raw instanceof Map<?, ?> map)) {
            throw ApiException.badRequest("data.address is required");
        }
        // accepts WooCommerce's snake_case (address_1) as well as ours (address1)
        Map<String, Object> normalized = new LinkedHashMap<>();
        map.forEach((k, v) -> normalized.put(String.valueOf(k).replace("_", "").toLowerCase(java.util.Locale.ROOT), v));
        Address a = new Address(str(normalized, "firstname"), str(normalized, "lastname"), str(normalized, "company"),
                str(normalized, "address1"), str(normalized, "address2"), str(normalized, "city"), str(normalized, "state"),
                str(normalized, "postcode"), str(normalized, "country"), str(normalized, "phone"));
        if (blank(a.address1()) || blank(a.city()) || blank(a.postcode()) || a.country() == null || a.country().length() != 2) {
            throw ApiException.badRequest("data.address needs address_1, city, postcode and a 2-letter country");
        }
        return a;
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString().trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static boolean needsOrder(String action) {
        return !action.equals("get-info") && !action.equals("get-recent-orders");
    }

    private static Long orderNumber(Map<String, Object> data) {
        Object raw = data.containsKey("orderNumber") ? data.get("orderNumber") : data.get("orderId");
        if (raw == null) {
            throw ApiException.badRequest("data.orderNumber is required");
        }
        String s = raw.toString().trim().replaceFirst("^#", "");
        try {
            long id = Long.parseLong(s);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("data.orderNumber must be an order number");
        }
    }

    private static Map<String, Object> ok(String action, String key, Object value) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("action", action);
        out.put(key, value);
        return out;
    }

    /**
     * Another customer's order and an order that does not exist get the same answer: a verified shopper must not learn
     * which order numbers exist.
     */
    private ApiException refusal(ServiceRefusal e) {
        if (e.status() == 403 || e.is(404, "order_not_found")) {
            metrics.gateRefusal("not_owned");
            return ApiException.notFound("order_not_found", "No order with this number was found for the verified customer");
        }
        if (e.status() == 404) {
            return ApiException.notFound(e.code().isEmpty() ? "not_found" : e.code(), "Not found");
        }
        if (e.status() == 409) {
            return ApiException.conflict(e.code().isEmpty() ? "conflict" : e.code(), "The order's state does not allow this");
        }
        return ApiException.unavailable("store_unavailable", "The store cannot be reached right now");
    }
}
