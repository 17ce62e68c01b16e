package io.csc.gateway.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.csc.gateway.cache.StoreCache;
import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.tenant.ActiveTenant;
import io.csc.gateway.woo.WooCommerceApi;
import io.csc.gateway.woo.WooException;
import io.csc.gateway.woo.WooMapper;
import io.csc.model.commerce.Address;
import io.csc.model.commerce.CustomerSummary;
import io.csc.model.commerce.OrderSummary;
import io.csc.web.ApiException;
import io.csc.web.Emails;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Orders of a verified shopper. The verified email comes from verification-service through our callers; every order
 * is checked against it here, in code, whatever the caller asked: an order belongs to an email when its billing email
 * is that email or its customer is the customer registered with that email. Anything else is 403.
 */
@ApplicationScoped
public class OrderService {
    private static final Set<String> ADDRESS_EDITABLE = Set.of("pending", "processing", "on-hold");
    private static final Set<String> REFUNDABLE = Set.of("completed", "processing");

    private final WooCommerceApi woo;
    private final StoreCache cache;
    private final GatewayConfig config;
    private final ObjectMapper json;

    public OrderService(WooCommerceApi woo, StoreCache cache, GatewayConfig config, ObjectMapper json) {
        this.woo = woo;
        this.cache = cache;
        this.config = config;
        this.json = json;
    }

    /** The customer registered with this email (cached 1 min); 404 {@code customer_not_found}. */
    public Uni<CustomerSummary> customer(ActiveTenant tenant, String email) {
        return findCustomer(tenant, email).map(c -> {
            if (c == null) {
                throw ApiException.notFound("customer_not_found", "No customer with this email");
            }
            return c;
        });
    }

    private Uni<CustomerSummary> findCustomer(ActiveTenant tenant, String email) {
        String normalized = normalize(email);
        return cache.get(tenant.domain(), StoreCache.Kind.CUSTOMERS, StoreCache.emailId(normalized), config.cache().customers(),
                CustomerSummary.class, () -> woo.getCustomerByEmail(tenant, normalized)
                        .map(c -> c == null ? null : WooMapper.customer(c)));
    }

    /** One order, only when it belongs to {@code email}: 404 unknown, 403 someone else's. */
    public Uni<OrderSummary> order(ActiveTenant tenant, long orderId, String email) {
        return owned(tenant, orderId, email).map(WooMapper::order);
    }

    /** The verified email's orders, newest first: by billing email and by the owning customer, each re-checked. */
    public Uni<List<OrderSummary>> orders(ActiveTenant tenant, String email, int limit) {
        String normalized = normalize(email);
        int perPage = Math.max(1, Math.min(limit, 50));
        return findCustomer(tenant, normalized).chain(customer -> {
            Uni<List<JsonNode>> byEmail = woo.listOrders(tenant, Map.of("search", normalized, "per_page", perPage))
                    .map(r -> r.items());
            Uni<List<JsonNode>> byCustomer = customer == null
                    ? Uni.createFrom().item(List.of())
                    : woo.listOrders(tenant, Map.of("customer", customer.id(), "per_page", perPage)).map(r -> r.items());
            return Uni.combine().all().unis(byEmail, byCustomer).asTuple().map(t -> {
                Map<Long, JsonNode> merged = new LinkedHashMap<>();
                List<JsonNode> all = new ArrayList<>(t.getItem1());
                all.addAll(t.getItem2());
                for (JsonNode o : all) {
                    if (belongs(o, normalized, customer)) {
                        merged.putIfAbsent(o.path("id").asLong(), o);
                    }
                }
                return merged.values().stream().map(WooMapper::order)
                        .sorted(Comparator.comparing(OrderSummary::dateCreated,
                                Comparator.nullsLast(Comparator.reverseOrder())))
                        .limit(perPage).toList();
            });
        });
    }

    public Uni<OrderSummary> cancel(ActiveTenant tenant, long orderId, String email) {
        return owned(tenant, orderId, email).chain(order -> {
            String status = order.path("status").asText();
            if (!WooMapper.CANCELLABLE.contains(status)) {
                throw ApiException.conflict("not_cancellable",
                        "This order can no longer be cancelled (status: " + status + ")");
            }
            ObjectNode change = json.createObjectNode().put("status", "cancelled");
            return woo.updateOrder(tenant, orderId, change)
                    .call(r -> woo.createOrderNote(tenant, orderId,
                            "Order cancelled by the customer through the chat assistant.",
                            false))
                    .map(r -> WooMapper.order(r.body()));
        }).invoke(o -> Log.infof("Order %d of %s cancelled by its verified customer", orderId, tenant.domain()));
    }

    public Uni<OrderSummary> changeShipping(ActiveTenant tenant, long orderId, String email, Address address) {
        return owned(tenant, orderId, email).chain(order -> {
            String status = order.path("status").asText();
            if (!ADDRESS_EDITABLE.contains(status)) {
                throw ApiException.conflict("not_editable",
                        "The shipping address can no longer be changed (status: " + status + ")");
            }
            ObjectNode change = json.createObjectNode();
            WooMapper.wooAddress(address, change.putObject("shipping"));
            return woo.updateOrder(tenant, orderId, change)
                    .call(r -> woo.createOrderNote(tenant, orderId,
                            "Shipping address changed by the customer through the chat assistant.", false))
                    .map(r -> WooMapper.order(r.body()));
        });
    }

    /** A note the shopper sees on their order. */
    public Uni<Long> addCustomerNote(ActiveTenant tenant, long orderId, String email, String note) {
        if (note == null || note.isBlank()) {
            throw ApiException.badRequest("reason (the note) is required");
        }
        return owned(tenant, orderId, email)
                .chain(order -> woo.createOrderNote(tenant, orderId, note.trim(), true))
                .map(r -> r.body().path("id").asLong());
    }

    /**
     * A refund request goes to the store's staff (a private note) and the shopper is told it was received (a customer
     * note). No money moves here: the spec's automatic {@code api_refund} is left to staff on purpose.
     */
    public Uni<Void> requestRefund(ActiveTenant tenant, long orderId, String email, String reason) {
        return owned(tenant, orderId, email).chain(order -> {
            String status = order.path("status").asText();
            if (!REFUNDABLE.contains(status)) {
                throw ApiException.conflict("not_refundable",
                        "A refund cannot be requested for this order (status: " + status + ")");
            }
            String why = reason == null || reason.isBlank() ? "no reason given" : reason.trim();
            return woo.createOrderNote(tenant, orderId, "Refund requested by the customer through the chat assistant. Reason: "
                    + why, false)
                    .chain(() -> woo.createOrderNote(tenant, orderId,
                            "We received your refund request. Our team will review it and get back to you.", true))
                    .replaceWithVoid();
        });
    }

    /** The order's JSON when it belongs to the email; the ownership check every order route goes through. */
    private Uni<JsonNode> owned(ActiveTenant tenant, long orderId, String email) {
        String normalized = normalize(email);
        return woo.getOrder(tenant, orderId)
                .onFailure(e -> e instanceof WooException w && w.notFound())
                .transform(e -> ApiException.notFound("order_not_found", "No such order"))
                .chain(r -> {
                    JsonNode order = r.body();
                    if (WooMapper.billingEmail(order).equals(normalized)) {
                        return Uni.createFrom().item(order);
                    }
                    long customerId = order.path("customer_id").asLong();
                    if (customerId == 0) {
                        return Uni.createFrom().failure(notOwned());
                    }
                    return findCustomer(tenant, normalized).map(c -> {
                        if (c == null || c.id() != customerId) {
                            throw notOwned();
                        }
                        return order;
                    });
                });
    }

    private static boolean belongs(JsonNode order, String email, CustomerSummary customer) {
        return WooMapper.billingEmail(order).equals(email)
                || (customer != null && order.path("customer_id").asLong() == customer.id() && customer.id() != 0);
    }

    private static ApiException notOwned() {
        return new ApiException(403, "order_not_owned", "This order does not belong to the verified customer");
    }

    /** common-web's one email rule (WordPress's is_email): 400 invalid_email before anything asks the store. */
    private static String normalize(String email) {
        return Emails.normalize(email);
    }
}
