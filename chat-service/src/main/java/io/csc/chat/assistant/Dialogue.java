package io.csc.chat.assistant;

import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Where a conversation stands after an assistant message, stored with that message (JSONB {@code chat.message.state})
 * and read back as this type at the next turn: nothing is inferred from the words of earlier replies.
 *
 * @param awaiting what the reply waits for
 * @param proposalId the proposal (order change or consent question) the next shopper message may confirm, or null: it
 *        is live for exactly that one message
 * @param focusOrder the order being discussed, or null
 * @param focusProducts the products the reply showed (ids, at most a few), empty when none
 * @param focusOrders the orders the reply listed, in the order shown (ids, at most a few; "the second one" is the second
 *        of them), empty when it listed none
 * @param language the shopper's language (ISO 639-1)
 * @param notUnderstood consecutive turns the assistant did not understand, this one included
 */
public record Dialogue(Awaiting awaiting, String proposalId, Long focusOrder, List<Long> focusProducts,
        List<Long> focusOrders, String language, int notUnderstood) {

    public static final Dialogue START = new Dialogue(Awaiting.NOTHING, null, null, List.of(), "en", 0);
    private static final int MAX_PRODUCTS = 5;

    public Dialogue {
        awaiting = awaiting == null ? Awaiting.NOTHING : awaiting;
        focusProducts = focusProducts == null ? List.of() : List.copyOf(focusProducts);
        focusOrders = focusOrders == null ? List.of() : List.copyOf(focusOrders);
        language = language == null ? "en" : language;
    }

    /** A state without a listed order in focus. */
    public Dialogue(Awaiting awaiting, String proposalId, Long focusOrder, List<Long> focusProducts, String language,
            int notUnderstood) {
        this(awaiting, proposalId, focusOrder, focusProducts, List.of(), language, notUnderstood);
    }

    /**
     * The state a turn starts from: the one stored with the last message when that is the assistant's; otherwise (a new
     * conversation, a message stored before states were, or a turn whose reply was never stored) nothing is live.
     */
    public static Dialogue before(List<HistoryMessage> history) {
        if (history == null || history.isEmpty()) {
            return START;
        }
        HistoryMessage last = history.get(history.size() - 1);
        return "assistant".equals(last.role()) && last.state() != null ? last.state() : START;
    }

    public String toJson() {
        JsonObject o = new JsonObject().put("awaiting", awaiting.name()).put("language", language)
                .put("notUnderstood", notUnderstood);
        if (proposalId != null) {
            o.put("proposalId", proposalId);
        }
        if (focusOrder != null) {
            o.put("focusOrder", focusOrder);
        }
        if (!focusProducts.isEmpty()) {
            o.put("focusProducts", new JsonArray(new ArrayList<Object>(focusProducts)));
        }
        if (!focusOrders.isEmpty()) {
            o.put("focusOrders", new JsonArray(new ArrayList<Object>(focusOrders)));
        }
        return o.encode();
    }

    /** Null for null; a value it does not know (a newer version's) reads as nothing awaited. */
    public static Dialogue fromJson(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonObject o = new JsonObject(json);
        Awaiting awaiting;
        try {
            awaiting = Awaiting.valueOf(o.getString("awaiting", "NOTHING"));
        } catch (IllegalArgumentException e) {
            awaiting = Awaiting.NOTHING;
        }
        List<Long> products = new ArrayList<>();
        JsonArray a = o.getJsonArray("focusProducts");
        if (a != null) {
            for (int i = 0; i < a.size() && i < MAX_PRODUCTS; i++) {
                products.add(a.getLong(i));
            }
        }
        List<Long> orders = new ArrayList<>();
        JsonArray listed = o.getJsonArray("focusOrders");
        if (listed != null) {
            for (int i = 0; i < listed.size() && i < MAX_PRODUCTS; i++) {
                orders.add(listed.getLong(i));
            }
        }
        return new Dialogue(awaiting, o.getString("proposalId"), o.getLong("focusOrder"), products, orders,
                o.getString("language", "en"), o.getInteger("notUnderstood", 0));
    }

    public static List<Long> firstProducts(List<Long> ids) {
        return firstFew(ids);
    }

    /** The first few ids of a list shown (products or orders): what a follow-up can point back to. */
    public static List<Long> firstFew(List<Long> ids) {
        return ids.size() > MAX_PRODUCTS ? ids.subList(0, MAX_PRODUCTS) : ids;
    }
}
