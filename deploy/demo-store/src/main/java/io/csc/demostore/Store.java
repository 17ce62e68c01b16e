package io.csc.demostore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shop's state, in memory, kept as the JSON WooCommerce answers with. Callers hold the store's monitor while they
 * read or change it (WooApi locks per request); {@link #reset()} reloads the seed.
 */
final class Store {

    /** The site URL the recordings were made with; resources carry it and get the store's own URL instead. */
    static final String RECORDED_SITE = "http://127.0.0.1:8088";
    static final String NAMESPACE = "/wp-json/wc/v3";

    /** A note or refund with the order it belongs to. */
    record Owned(int orderId, ObjectNode json) {
    }

    private static final String SEED = read("demo-store/seed.json");
    private static final String SETTINGS = read("demo-store/settings.json");
    private static final String SYSTEM_STATUS = read("demo-store/system_status.json");
    private static final String INDEX = read("demo-store/index.json");
    private static final String SHIPPING = read("demo-store/shipping_payments.json");
    /** WordPress pages and posts written for the demo (not recorded): policies, shipping, FAQ, about. */
    private static final String CONTENT = read("demo-store/wp_content.json");

    private final String siteUrl;
    private final Clock clock;
    /** The site's time zone (WordPress timezone_string): local date_x fields are written in it. */
    private volatile java.time.ZoneId zone;
    private final SecureRandom random = new SecureRandom();

    final TreeMap<Integer, ObjectNode> products = new TreeMap<>();
    final TreeMap<Integer, ObjectNode> variations = new TreeMap<>();
    final List<ObjectNode> categories = new ArrayList<>();
    final List<ObjectNode> tags = new ArrayList<>();
    final TreeMap<Integer, ObjectNode> customers = new TreeMap<>();
    final TreeMap<Integer, ObjectNode> orders = new TreeMap<>();
    final TreeMap<Integer, Owned> notes = new TreeMap<>();
    final TreeMap<Integer, Owned> refunds = new TreeMap<>();
    final TreeMap<Integer, ObjectNode> coupons = new TreeMap<>();
    /** Orders whose items already count in total_sales (WooCommerce's _recorded_sales flag). */
    final Set<Integer> recordedSales = new HashSet<>();
    ArrayNode settingsGroups;
    final Map<String, ArrayNode> settings = new LinkedHashMap<>();
    private ObjectNode templates;
    private JsonNode systemStatus;
    private JsonNode index;
    private JsonNode shipping;
    private final Map<String, List<ObjectNode>> content = new LinkedHashMap<>();

    private int nextPost;
    private int nextOrderItem;
    private int nextMeta;
    private int nextComment;
    private int nextUser;
    private int nextTerm;

    Store(String siteUrl, Clock clock, java.time.ZoneId zone) {
        this.siteUrl = siteUrl;
        this.clock = clock;
        this.zone = zone;
        reset();
    }

    synchronized void reset() {
        JsonNode seed = Json.parse(localize(SEED));
        products.clear();
        variations.clear();
        categories.clear();
        tags.clear();
        customers.clear();
        orders.clear();
        notes.clear();
        refunds.clear();
        coupons.clear();
        recordedSales.clear();
        settings.clear();
        Json.objects(seed.get("products")).forEach(p -> products.put(p.get("id").asInt(), p));
        Json.objects(seed.get("variations")).forEach(v -> variations.put(v.get("id").asInt(), v));
        categories.addAll(Json.objects(seed.get("categories")));
        tags.addAll(Json.objects(seed.get("tags")));
        Json.objects(seed.get("customers")).forEach(c -> customers.put(c.get("id").asInt(), c));
        for (ObjectNode order : Json.objects(seed.get("orders"))) {
            int id = order.get("id").asInt();
            orders.put(id, order);
            if (Orders.SALES_STATUSES.contains(order.get("status").asText())) {
                recordedSales.add(id);
            }
        }
        Json.objects(seed.get("notes"))
                .forEach(n -> notes.put(n.get("note").get("id").asInt(),
                        new Owned(n.get("order_id").asInt(), (ObjectNode) n.get("note"))));
        Json.objects(seed.get("refunds"))
                .forEach(r -> refunds.put(r.get("refund").get("id").asInt(),
                        new Owned(r.get("order_id").asInt(), (ObjectNode) r.get("refund"))));
        Json.objects(seed.get("coupons")).forEach(c -> coupons.put(c.get("id").asInt(), c));
        templates = (ObjectNode) seed.get("templates");
        JsonNode counters = seed.get("counters");
        nextPost = counters.get("post").asInt();
        nextOrderItem = counters.get("order_item").asInt();
        nextMeta = counters.get("meta").asInt();
        nextComment = counters.get("comment").asInt();
        nextUser = counters.get("user").asInt();
        nextTerm = counters.get("term").asInt();

        JsonNode settingsSeed = Json.parse(localize(SETTINGS));
        settingsGroups = (ArrayNode) settingsSeed.get("groups");
        settingsSeed.get("options").properties().forEach(e -> settings.put(e.getKey(), (ArrayNode) e.getValue()));
        systemStatus = null;
        index = null;
        shipping = null;
        content.clear();
        JsonNode wp = Json.parse(CONTENT);
        content.put("page", new ArrayList<>(Json.objects(wp.get("pages"))));
        content.put("post", new ArrayList<>(Json.objects(wp.get("posts"))));
    }

    /** Shipping zones (with their locations and methods by zone id) and payment gateways, as recorded. */
    JsonNode shipping() {
        if (shipping == null) {
            shipping = Json.parse(localize(SHIPPING));
        }
        return shipping;
    }

    /** Published WordPress content of a type ("page" or "post"): id, slug, title, HTML content, dates (UTC). */
    List<ObjectNode> content(String type) {
        return content.getOrDefault(type, List.of());
    }

    String siteUrl() {
        return siteUrl;
    }

    /** Absolute URL of a wc/v3 route, e.g. api("/orders/47"). */
    String api(String route) {
        return siteUrl + NAMESPACE + route;
    }

    /** Now, in WooCommerce's REST date format. */
    String now() {
        return Json.date(clock.instant());
    }

    Clock clock() {
        return clock;
    }

    java.time.ZoneId zone() {
        return zone;
    }

    void zone(java.time.ZoneId zone) {
        this.zone = zone;
    }

    ObjectNode template(String name) {
        return templates.get(name).deepCopy();
    }

    /** Products, variations, orders, refunds and coupons share WordPress's post id sequence. */
    int nextPostId() {
        return nextPost++;
    }

    int nextOrderItemId() {
        return nextOrderItem++;
    }

    int nextMetaId() {
        return nextMeta++;
    }

    int nextCommentId() {
        return nextComment++;
    }

    int nextUserId() {
        return nextUser++;
    }

    int nextTermId() {
        return nextTerm++;
    }

    String randomAlnum(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    JsonNode systemStatus() {
        if (systemStatus == null) {
            systemStatus = Json.parse(localize(SYSTEM_STATUS));
        }
        return systemStatus;
    }

    JsonNode index() {
        if (index == null) {
            index = Json.parse(localize(INDEX));
        }
        return index;
    }

    ObjectNode category(int id) {
        for (ObjectNode c : categories) {
            if (c.get("id").asInt() == id) {
                return c;
            }
        }
        return null;
    }

    ObjectNode tag(int id) {
        for (ObjectNode t : tags) {
            if (t.get("id").asInt() == id) {
                return t;
            }
        }
        return null;
    }

    /** A product or a variation by id (they share the id space). */
    ObjectNode anyProduct(int id) {
        ObjectNode p = products.get(id);
        return p != null ? p : variations.get(id);
    }

    List<ObjectNode> variationsOf(int parentId) {
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode v : variations.values()) {
            if (v.get("parent_id").asInt() == parentId) {
                result.add(v);
            }
        }
        return result;
    }

    List<Owned> notesOf(int orderId) {
        List<Owned> result = new ArrayList<>();
        notes.values().forEach(n -> {
            if (n.orderId() == orderId) {
                result.add(n);
            }
        });
        return result;
    }

    List<Owned> refundsOf(int orderId) {
        List<Owned> result = new ArrayList<>();
        refunds.values().forEach(r -> {
            if (r.orderId() == orderId) {
                result.add(r);
            }
        });
        return result;
    }

    /** Adds an order note written by WooCommerce itself (status changes, stock changes). */
    ObjectNode addNote(int orderId, String text, boolean customerNote, String author) {
        int id = nextCommentId();
        ObjectNode note = template("note");
        String now = now();
        note.put("id", id);
        note.put("author", author);
        note.put("date_created", now);
        note.put("date_created_gmt", now);
        note.put("note", text);
        note.put("customer_note", customerNote);
        ObjectNode links = note.putObject("_links");
        links.set("self", Json.selfLink(api("/orders/" + orderId + "/notes/" + id), "GET", "DELETE"));
        links.set("collection", Json.link(api("/orders/" + orderId + "/notes")));
        links.set("up", Json.link(api("/orders/" + orderId)));
        notes.put(id, new Owned(orderId, note));
        return note;
    }

    private String localize(String text) {
        return siteUrl.equals(RECORDED_SITE) ? text : text.replace(RECORDED_SITE, siteUrl);
    }

    private static String read(String resource) {
        try (InputStream in = Store.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
