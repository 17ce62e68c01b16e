package io.csc.chat.action;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.csc.chat.assistant.TurnContext;
import io.csc.chat.client.GatewayClient;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.AddressChange;
import io.csc.model.commerce.OrderAction;
import io.csc.model.commerce.OrderSummary;
import io.smallrye.mutiny.Uni;

/**
 * The one path of an order change (cancel, new shipping address, refund request note): which order states allow it,
 * how it is proposed (a pending action awaiting the shopper's confirmation) and how it is carried out. The assistants'
 * tools propose through it, a confirmation executes through it, and customer-action (whose request is itself the
 * shopper's explicit action) executes through it directly.
 */
@ApplicationScoped
public class OrderChanges {
    public static final Set<String> CANCELLABLE = Set.of("pending", "processing", "on-hold");
    public static final Set<String> NOT_EDITABLE = Set.of("completed", "cancelled", "refunded", "failed", "trash");
    public static final Set<String> REFUNDABLE = Set.of("completed", "processing");

    /** What a change does; {@code stored} is its name in {@code pending_action.kind}. */
    public enum Kind {
        CANCEL("cancel"), ADDRESS("address_change"), REFUND_REQUEST("refund_request");

        public final String stored;

        Kind(String stored) {
            this.stored = stored;
        }

        public static Kind ofStored(String kind) {
            for (Kind k : values()) {
                if (k.stored.equals(kind)) {
                    return k;
                }
            }
            return null;
        }

        /** Whether an order in this state allows the change. */
        public boolean allowedFor(String status) {
            return switch (this) {
                case CANCEL -> CANCELLABLE.contains(status);
                case ADDRESS -> !NOT_EDITABLE.contains(status);
                case REFUND_REQUEST -> REFUNDABLE.contains(status);
            };
        }
    }

    /** One change of one order: {@code reason} for a cancel or refund request, {@code address} for an address. */
    public record Change(Kind kind, long orderId, String reason, Address address) {
    }

    private final PendingActionRepository pending;
    private final GatewayClient gateway;
    private final ObjectMapper json;

    public OrderChanges(PendingActionRepository pending, GatewayClient gateway, ObjectMapper json) {
        this.pending = pending;
        this.gateway = gateway;
        this.json = json;
    }

    /** Records the change as the conversation's one proposal (any earlier one is withdrawn). */
    public Uni<PendingAction> propose(TurnContext ctx, Change change) {
        return pending.propose(ctx.conversationId(), ctx.domain(), change.kind().stored, change.orderId(), payload(change));
    }

    /** The change a stored proposal describes, or null for one that is no order change (the consent question). */
    @SuppressWarnings("unchecked")
    public Change of(PendingAction a) {
        Kind kind = Kind.ofStored(a.kind());
        if (kind == null || a.orderId() == null) {
            return null;
        }
        Map<String, Object> p = Map.of();
        if (a.payload() != null) {
            try {
                p = json.readValue(a.payload(), Map.class);
            } catch (java.io.IOException e) {
                p = Map.of();
            }
        }
        String reason = p.get("reason") instanceof String s ? s : null;
        Address address = kind == Kind.ADDRESS ? json.convertValue(p, Address.class) : null;
        return new Change(kind, a.orderId(), reason, address);
    }

    /**
     * Carries the change out for the verified {@code email} (the gateway checks the order is theirs, and answers 409
     * when its state no longer allows the change). The refund request answers the order as it was (a note changes no
     * field of it).
     */
    public Uni<OrderSummary> execute(TurnContext ctx, String email, Change change) {
        return switch (change.kind()) {
            case CANCEL -> gateway.cancel(change.orderId(), new OrderAction(ctx.domain(), email, change.reason()));
            case ADDRESS -> gateway.changeShipping(change.orderId(), new AddressChange(ctx.domain(), email, change.address()));
            case REFUND_REQUEST ->
                gateway.refundRequest(change.orderId(), new OrderAction(ctx.domain(), email, change.reason()))
                        .replaceWith((OrderSummary) null);
        };
    }

    private String payload(Change change) {
        Object p = change.kind() == Kind.ADDRESS
                ? change.address()
                : change.reason() == null
                        ? null
                        : Map.of("reason",
                                change.reason());
        if (p == null) {
            return null;
        }
        try {
            return json.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("payload not serializable", e);
        }
    }
}
