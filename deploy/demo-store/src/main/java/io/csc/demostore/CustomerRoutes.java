package io.csc.demostore;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** /customers: list with filters, get, create, update, delete, and the (empty) downloads of a customer. */
final class CustomerRoutes {

    private static final String[] ROLES = {"all", "administrator", "editor", "author", "contributor", "subscriber",
            "customer", "shop_manager"};

    private final Store store;

    CustomerRoutes(Store store) {
        this.store = store;
    }

    void register(WooApi api) {
        api.route("/wc/v3/customers/(?P<customer_id>[\\d]+)/downloads").get(Access.LIST, this::downloads);
        api.route("/wc/v3/customers")
                .get(Access.LIST, this::list, Param.page(), Param.perPage(), Param.string("search"),
                        Param.integers("exclude"), Param.integers("include"), Param.integer("offset"), Param.order(),
                        Param.string("orderby").oneOf("id", "include", "name", "registered_date"),
                        Param.string("email").email(), Param.string("role").oneOf(ROLES))
                .post(Access.CREATE, this::create, writeParams(true));
        // The permission callbacks of a single customer answer 404 for an unknown id, before any 401 and without an
        // Allow header, so these endpoints check the id and the caller themselves.
        api.route("/wc/v3/customers/(?P<id>[\\d]+)").get(Access.PUBLIC, this::get)
                .edit(Access.PUBLIC, this::update, writeParams(false))
                .delete(Access.PUBLIC, this::delete, Param.bool("force"), Param.integer("reassign"));
    }

    private static Param[] writeParams(boolean creating) {
        Param email = Param.string("email").email();
        return new Param[]{creating ? email.required() : email, Param.string("first_name"),
                Param.string("last_name"), Param.string("username"), Param.string("password"),
                Param.object("billing").withEmail(), Param.object("shipping"), Param.array("meta_data")};
    }

    private RestResponse list(RestRequest r) {
        String role = r.string("role", "customer");
        String email = r.string("email");
        String search = r.string("search");
        List<ObjectNode> result = new ArrayList<>();
        for (ObjectNode c : store.customers.values()) {
            int id = c.get("id").asInt();
            if (!role.equals("all") && !role.equals(Json.text(c, "role"))
                    || email != null && !email.equalsIgnoreCase(Json.text(c, "email"))
                    || r.has("include") && !r.ids("include").contains(id)
                    || r.has("exclude") && r.ids("exclude").contains(id)) {
                continue;
            }
            if (search != null && !search.isBlank()) {
                String term = search.trim().replace("*", "").toLowerCase(Locale.ROOT);
                String haystack = (Json.text(c, "username") + "\n" + Json.text(c, "email") + "\n"
                        + Json.text(c, "first_name") + " " + Json.text(c, "last_name")).toLowerCase(Locale.ROOT);
                if (!haystack.contains(term)) {
                    continue;
                }
            }
            result.add(c);
        }
        String orderby = r.string("orderby", "name");
        Comparator<ObjectNode> order = switch (orderby) {
            case "id" -> Comparator.comparingInt(c -> c.get("id").asInt());
            case "registered_date" -> Comparator.comparing((ObjectNode c) -> Json.text(c, "date_created_gmt"))
                    .thenComparingInt(c -> c.get("id").asInt());
            case "include" -> {
                List<Integer> include = r.ids("include");
                yield Comparator.comparingInt(c -> include.indexOf(c.get("id").asInt()));
            }
            default -> Comparator.comparing((ObjectNode c) -> Json.text(c, "username").toLowerCase(Locale.ROOT));
        };
        result.sort("desc".equals(r.string("order")) ? order.reversed() : order);
        return Paging.page(r, result, store.api("/customers"));
    }

    private ObjectNode find(RestRequest r, Access access) {
        ObjectNode customer = store.customers.get(r.pathId("id"));
        if (customer == null) {
            throw WooErrors.error(404, "wc_user_invalid_id", "Invalid user ID.").withoutAllow();
        }
        if (r.key == null) {
            throw access.denied().withoutAllow();
        }
        return customer;
    }

    private RestResponse get(RestRequest r) {
        return RestResponse.ok(find(r, Access.VIEW));
    }

    private RestResponse create(RestRequest r) {
        String email = r.string("email").trim();
        if (emailOwner(email) != null) {
            throw WooErrors.error(400, "registration-error-email-exists",
                    "An account is already registered with your email address. <a href=\"#\" class=\"showlogin\">Please log in.</a>");
        }
        String username = r.string("username");
        if (username != null && !username.isBlank()) {
            if (usernameTaken(username.trim())) {
                throw WooErrors.error(400, "registration-error-username-exists",
                        "An account is already registered with that username. Please choose another.");
            }
            username = username.trim();
        } else {
            username = generateUsername(email);
        }
        int id = store.nextUserId();
        String now = store.now();
        ObjectNode customer = store.template("customer");
        customer.put("id", id);
        customer.put("date_created", now);
        customer.put("date_created_gmt", now);
        customer.put("date_modified", now);
        customer.put("date_modified_gmt", now);
        customer.put("email", email);
        customer.put("role", "customer");
        customer.put("username", username);
        customer.put("avatar_url", avatar(email));
        apply(customer, r.body);
        ObjectNode links = customer.putObject("_links");
        links.set("self", Json.selfLink(store.api("/customers/" + id), "GET", "POST", "PUT", "PATCH", "DELETE"));
        links.set("collection", Json.link(store.api("/customers")));
        store.customers.put(id, customer);
        return RestResponse.created(customer, store.api("/customers/" + id));
    }

    private RestResponse update(RestRequest r) {
        ObjectNode customer = find(r, Access.EDIT);
        int id = customer.get("id").asInt();
        if (r.has("email")) {
            String email = r.string("email").trim();
            Integer owner = emailOwner(email);
            if (owner != null && owner != id) {
                throw WooErrors.error(400, "woocommerce_rest_customer_invalid_email", "Email address is invalid.");
            }
        }
        if (r.has("username") && !r.string("username").equals(Json.text(customer, "username"))) {
            throw WooErrors.error(400, "woocommerce_rest_customer_invalid_argument", "Username isn't editable.");
        }
        ObjectNode updated = customer.deepCopy();
        if (r.has("email")) {
            updated.put("email", r.string("email").trim());
            updated.put("avatar_url", avatar(r.string("email")));
        }
        apply(updated, r.body);
        String now = store.now();
        updated.put("date_modified", now);
        updated.put("date_modified_gmt", now);
        store.customers.put(id, updated);
        return RestResponse.ok(updated);
    }

    private void apply(ObjectNode customer, ObjectNode body) {
        for (String field : List.of("first_name", "last_name")) {
            if (body.hasNonNull(field)) {
                customer.put(field, body.get(field).asText());
            }
        }
        for (String kind : List.of("billing", "shipping")) {
            if (body.get(kind) instanceof ObjectNode posted && customer.get(kind) instanceof ObjectNode address) {
                posted.properties().forEach(e -> {
                    if (address.has(e.getKey())) {
                        address.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText());
                    }
                });
            }
        }
        if (body.get("meta_data") instanceof ArrayNode meta) {
            ArrayNode own = customer.withArray("meta_data");
            for (JsonNode m : meta) {
                if (m.hasNonNull("key")) {
                    own.addObject().put("id", store.nextMetaId()).put("key", m.get("key").asText()).set("value",
                            m.get("value"));
                }
            }
        }
    }

    private RestResponse delete(RestRequest r) {
        ObjectNode customer = find(r, Access.DELETE);
        if (!Boolean.TRUE.equals(r.bool("force"))) {
            throw WooErrors.trashNotSupported("Customers do not support trashing.");
        }
        int id = customer.get("id").asInt();
        store.customers.remove(id);
        int reassign = r.integer("reassign", 0);
        for (ObjectNode order : store.orders.values()) {
            if (order.path("customer_id").asInt() == id) {
                order.put("customer_id", reassign);
            }
        }
        return RestResponse.ok(customer);
    }

    /** No product of the demo store is downloadable, so every customer has none. */
    private RestResponse downloads(RestRequest r) {
        if (!store.customers.containsKey(r.pathId("customer_id"))) {
            throw WooErrors.error(404, "woocommerce_rest_customer_invalid", "Resource does not exist.");
        }
        return RestResponse.ok(Json.array());
    }

    private Integer emailOwner(String email) {
        for (ObjectNode c : store.customers.values()) {
            if (Json.text(c, "email").equalsIgnoreCase(email)) {
                return c.get("id").asInt();
            }
        }
        return null;
    }

    private boolean usernameTaken(String username) {
        for (ObjectNode c : store.customers.values()) {
            if (Json.text(c, "username").equalsIgnoreCase(username)) {
                return true;
            }
        }
        return false;
    }

    /** wc_create_new_customer_username: the email's local part, made unique. */
    private String generateUsername(String email) {
        String base = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        base = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.@-]", "");
        if (base.isEmpty()) {
            base = "customer";
        }
        String name = base;
        for (int i = 1; usernameTaken(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** WordPress 6.8 gravatar URL: SHA-256 of the trimmed, lower-cased email. */
    static String avatar(String email) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(email.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return "https://secure.gravatar.com/avatar/" + HexFormat.of().formatHex(hash) + "?s=96&d=mm&r=g";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
