package io.csc.demostore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * The WordPress REST server part: finds the route, authenticates like WooCommerce, validates arguments, checks
 * permissions, runs the endpoint and writes the answer with WordPress's headers. Everything touching the store runs
 * under the store's lock, so requests are serialized.
 */
final class WooApi {

    private static final String REST_PREFIX = "/wp-json";

    private final Vertx vertx;
    private final Store store;
    private final OAuth1Verifier verifier;
    private final DemoStoreOptions options;
    private final List<Route> routes = new ArrayList<>();

    WooApi(Vertx vertx, Store store, OAuth1Verifier verifier, DemoStoreOptions options) {
        this.vertx = vertx;
        this.store = store;
        this.verifier = verifier;
        this.options = options;
        new SystemRoutes(store).register(this);
        new ProductRoutes(store).register(this);
        new CategoryRoutes(store).register(this);
        new VariationRoutes(store).register(this);
        new OrderRoutes(store).register(this);
        new NoteRoutes(store).register(this);
        new RefundRoutes(store).register(this);
        new CustomerRoutes(store).register(this);
        new CouponRoutes(store).register(this);
        new ReportRoutes(store).register(this);
        new SettingsRoutes(store).register(this);
        new ShippingRoutes(store).register(this);
        new WpRoutes(store).register(this);
    }

    Route route(String template) {
        Route route = new Route(template);
        routes.add(route);
        return route;
    }

    void handle(RoutingContext ctx) {
        long delay = options.latency().toMillis();
        if (delay > 0) {
            vertx.setTimer(delay, t -> respond(ctx));
        } else {
            respond(ctx);
        }
    }

    private void respond(RoutingContext ctx) {
        HttpServerRequest req = ctx.request();
        Answer answer;
        try {
            synchronized (store) {
                answer = process(req, ctx.body().buffer());
                Json.localizeDates(answer.response().body, store.zone());
            }
        } catch (RuntimeException e) {
            ObjectNode body = Json.object().put("code", "internal_server_error")
                    .put("message", "There has been a critical error on this website.");
            body.putObject("data").put("status", 500);
            answer = new Answer(new RestResponse(500, body), null);
        }
        write(ctx.response(), answer);
    }

    /** A response and the Allow header WordPress would add (null for none). */
    record Answer(RestResponse response, String allow) {
    }

    private Answer process(HttpServerRequest req, Buffer rawBody) {
        String method = req.method().name().toUpperCase(Locale.ROOT);
        String path = req.path();
        String rawQuery = req.query() == null ? "" : req.query();
        List<Map.Entry<String, String>> queryPairs = Php.pairs(rawQuery);
        String restRoute = restRoute(path, Php.parseStr(rawQuery).get("rest_route"));
        if (restRoute == null) {
            return new Answer(errorResponse(WooErrors.noRoute()), null);
        }

        String contentType = req.getHeader("Content-Type") == null ? "" : req.getHeader("Content-Type");
        String bodyText = rawBody == null ? "" : rawBody.toString(StandardCharsets.UTF_8);
        ObjectNode body = Json.object();
        boolean invalidJson = false;
        List<Map.Entry<String, String>> formPairs = List.of();
        if (contentType.toLowerCase(Locale.ROOT).contains("json") && !bodyText.isBlank()) {
            try {
                JsonNode parsed = Json.MAPPER.readTree(bodyText);
                if (parsed instanceof ObjectNode object) {
                    body = object;
                }
            } catch (JsonProcessingException e) {
                invalidJson = true;
            }
        } else if (contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            formPairs = Php.pairs(bodyText);
            body = FormBody.toJson(bodyText);
        }

        ApiKey key = null;
        if (restRoute.regionMatches(true, 0, "/wc/", 0, 4) && isRequestToRestApi(req.uri())) {
            try {
                key = authenticate(req, method, path, queryPairs, formPairs);
            } catch (WooException e) {
                return new Answer(errorResponse(e), null);
            }
        }

        Route route = null;
        Map<String, String> pathParams = null;
        for (Route candidate : routes) {
            pathParams = candidate.match(restRoute);
            if (pathParams != null) {
                route = candidate;
                break;
            }
        }
        Route.Endpoint endpoint = route == null ? null : route.endpoints.get(method.equals("HEAD") ? "GET" : method);
        if (endpoint == null) {
            return new Answer(errorResponse(WooErrors.noRoute()), null);
        }
        // WordPress lists in Allow only the methods whose permission callback passes: none for an anonymous caller.
        String allow = key != null || endpoint.access() == Access.PUBLIC ? route.allow() : null;
        RestResponse response;
        try {
            if (invalidJson) {
                throw WooErrors.invalidJson();
            }
            RestRequest request = new RestRequest(method, restRoute, rawQuery, body, pathParams, key);
            Params.validate(request, endpoint.params());
            if (key == null && endpoint.access() != Access.PUBLIC) {
                throw endpoint.access().denied();
            }
            response = endpoint.handler().handle(request);
        } catch (WooException e) {
            response = errorResponse(e);
        }
        return new Answer(response, response.withoutAllow ? null : allow);
    }

    /**
     * WC_REST_Authentication::is_request_to_rest_api(): WooCommerce authenticates only when the raw request URI contains
     * {@code wp-json/wc/} (or {@code wp-json/wc-}). A plain-permalink {@code /?rest_route=/wc/v3/...} call therefore
     * reaches the route anonymously, however well it is signed (fixture auth_oauth_rest_route_query).
     */
    static boolean isRequestToRestApi(String requestUri) {
        return requestUri != null && (requestUri.contains(REST_PREFIX.substring(1) + "/wc/")
                || requestUri.contains(REST_PREFIX.substring(1) + "/wc-"));
    }

    /** The REST route: {@code ?rest_route=} wins over the pretty {@code /wp-json/...} path, as in WordPress. */
    private static String restRoute(String path, Object restRouteParam) {
        String route;
        if (restRouteParam instanceof String s) {
            route = s;
        } else if (path.equals(REST_PREFIX) || path.startsWith(REST_PREFIX + "/")) {
            route = Php.decode(path.substring(REST_PREFIX.length()), false);
        } else {
            return null;
        }
        while (route.length() > 1 && route.endsWith("/")) {
            route = route.substring(0, route.length() - 1);
        }
        return route.isEmpty() ? "/" : route;
    }

    /**
     * WC_REST_Authentication: over plain HTTP only OAuth 1.0a counts (unless Basic is explicitly allowed); a key then
     * needs read permission for GET and write permission for POST/PUT/PATCH/DELETE.
     */
    private ApiKey authenticate(HttpServerRequest req, String method, String path,
            List<Map.Entry<String, String>> query, List<Map.Entry<String, String>> form) {
        ApiKey key = options.allowBasicOverHttp() ? basic(req, query) : null;
        if (key == null) {
            List<Map.Entry<String, String>> params = new ArrayList<>(query);
            params.addAll(form);
            List<String> urls = new ArrayList<>();
            urls.add(store.siteUrl() + path);
            String host = req.getHeader("Host");
            if (host != null && !host.isBlank()) {
                urls.add("http://" + host + path);
            }
            OAuth1Verifier.Outcome outcome = verifier.verify(method, urls, params, req.getHeader("Authorization"));
            if (outcome instanceof OAuth1Verifier.Rejected rejected) {
                throw WooErrors.authentication(rejected.code(), rejected.message());
            }
            if (outcome instanceof OAuth1Verifier.Verified verified) {
                key = verified.key();
            }
        }
        if (key != null) {
            switch (method) {
                case "GET", "HEAD" -> {
                    if (!key.permissions().canRead()) {
                        throw WooErrors.authentication("woocommerce_rest_authentication_error",
                                "The API key provided does not have read permissions.");
                    }
                }
                case "POST", "PUT", "PATCH", "DELETE" -> {
                    if (!key.permissions().canWrite()) {
                        throw WooErrors.authentication("woocommerce_rest_authentication_error",
                                "The API key provided does not have write permissions.");
                    }
                }
                case "OPTIONS" -> {
                }
                default -> throw WooErrors.authentication("woocommerce_rest_authentication_error",
                        "Unknown request method.");
            }
        }
        return key;
    }

    /** WooCommerce's HTTPS-only Basic auth: query keys first, then the Authorization header. */
    private ApiKey basic(HttpServerRequest req, List<Map.Entry<String, String>> query) {
        String consumerKey = null;
        String consumerSecret = null;
        Map<String, String> params = OAuth1Verifier.phpParams(query);
        if (!params.getOrDefault("consumer_key", "").isEmpty()
                && !params.getOrDefault("consumer_secret", "").isEmpty()) {
            consumerKey = params.get("consumer_key");
            consumerSecret = params.get("consumer_secret");
        }
        String header = req.getHeader("Authorization");
        if (consumerKey == null && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return null;
            }
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                consumerKey = decoded.substring(0, colon);
                consumerSecret = decoded.substring(colon + 1);
            }
        }
        if (consumerKey == null || consumerSecret == null || consumerSecret.isEmpty()) {
            return null;
        }
        for (ApiKey key : options.credentials()) {
            if (key.consumerKey().equals(consumerKey)) {
                if (!java.security.MessageDigest.isEqual(key.consumerSecret().getBytes(StandardCharsets.UTF_8),
                        consumerSecret.getBytes(StandardCharsets.UTF_8))) {
                    throw WooErrors.authentication("woocommerce_rest_authentication_error",
                            "Consumer secret is invalid.");
                }
                return key;
            }
        }
        return null;
    }

    private static RestResponse errorResponse(WooException e) {
        RestResponse response = new RestResponse(e.status, e.body);
        response.withoutAllow = e.withoutAllow;
        return response;
    }

    private void write(HttpServerResponse out, Answer answer) {
        RestResponse response = answer.response();
        out.setStatusCode(response.status);
        out.putHeader("Content-Type", "application/json; charset=UTF-8");
        out.putHeader("X-Robots-Tag", "noindex");
        out.putHeader("X-Content-Type-Options", "nosniff");
        out.putHeader("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link");
        out.putHeader("Access-Control-Allow-Headers",
                "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type");
        response.headers.forEach(out::putHeader);
        if (!response.headers.containsKey("Link")) {
            out.putHeader("Link", "<" + store.siteUrl() + "/wp-json/>; rel=\"https://api.w.org/\"");
        }
        if (answer.allow() != null) {
            out.putHeader("Allow", answer.allow());
        }
        out.putHeader("Expires", "Wed, 11 Jan 1984 05:00:00 GMT");
        out.putHeader("Cache-Control", "no-cache, must-revalidate, max-age=0, no-store, private");
        out.end(Buffer.buffer(Json.write(response.body)));
    }
}
