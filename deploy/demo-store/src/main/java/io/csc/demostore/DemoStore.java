package io.csc.demostore;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * A WooCommerce-compatible REST server ({@code /wp-json/wc/v3}) that answers like the recorded WooCommerce 10.0.2 store
 * in {@code deploy/woo-fixtures}: same JSON shapes, errors, pagination headers and OAuth 1.0a rules. State lives in
 * memory and starts from the seed built from the recordings; {@link #reset()} puts it back.
 */
public final class DemoStore implements AutoCloseable {

    /** read_write key of the recorded store. */
    public static final String CONSUMER_KEY = "ck_849764fbd6818bcfeee7ffd6c852d496c0ea4b86";
    public static final String CONSUMER_SECRET = "cs_9fdff28d8c62fde1b697a23cc98b725c6f9a5df1";
    /** read-only key of the recorded store. */
    public static final String READ_KEY = "ck_962c8509d511633aedad61c888cc0754430e92db";
    public static final String READ_SECRET = "cs_992302c39475ba64bde9e654a47659c067dcdd71";
    /** write-only key of the recorded store. */
    public static final String WRITE_KEY = "ck_826cdf50c89ed2226e92520ebe794f65bff0509a";
    public static final String WRITE_SECRET = "cs_bfd13fa9a48ae1035f34f365ac2c6d1fd999e1b1";

    private static final long MAX_BODY_BYTES = 10L * 1024 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final Store store;
    private final OAuth1Verifier verifier;
    private final StoreApi storeApi;
    private final String baseUrl;

    private DemoStore(Vertx vertx, HttpServer server, Store store, OAuth1Verifier verifier, StoreApi storeApi,
            String baseUrl) {
        this.storeApi = storeApi;
        this.vertx = vertx;
        this.server = server;
        this.store = store;
        this.verifier = verifier;
        this.baseUrl = baseUrl;
    }

    /** Starts the store and returns once it is listening. */
    public static DemoStore start(DemoStoreOptions options) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        try {
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host())
                    .setPort(options.port()).setCompressionSupported(true).setDecompressionSupported(true));
            // The site URL (and so the API) is known only once the port is; until then the store is not ready.
            AtomicReference<WooApi> api = new AtomicReference<>();
            Router router = Router.router(vertx);
            router.route().handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
            AtomicReference<StoreApi> storeApi = new AtomicReference<>();
            AtomicReference<Storefront> storefront = new AtomicReference<>();
            router.route(StoreApi.PREFIX + "/*").handler(ctx -> {
                StoreApi ready = storeApi.get();
                if (ready == null) {
                    ctx.response().setStatusCode(503).end();
                } else {
                    ready.handle(ctx);
                }
            });
            router.route().handler(ctx -> {
                Storefront shop = storefront.get();
                if (shop != null && !ctx.request().path().startsWith("/wp-json") && shop.handle(ctx)) {
                    return;
                }
                WooApi ready = api.get();
                if (ready == null) {
                    ctx.response().setStatusCode(503).end();
                } else {
                    ready.handle(ctx);
                }
            });
            server.requestHandler(router);
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

            String baseUrl = "http://" + advertisedHost(options.host()) + ":" + server.actualPort();
            String siteUrl = options.siteUrl() != null ? options.siteUrl() : baseUrl;
            OAuth1Verifier verifier = new OAuth1Verifier(options.credentials(), options.clock());
            Store store = new Store(siteUrl, options.clock(), options.timezone());
            api.set(new WooApi(vertx, store, verifier, options));
            storeApi.set(new StoreApi(store));
            storefront.set(new Storefront(store, storeApi.get(), options.chatUrl()));
            return new DemoStore(vertx, server, store, verifier, storeApi.get(), baseUrl);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            vertx.close();
            throw new IllegalStateException("interrupted while starting the demo store", e);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            vertx.close();
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("demo store could not listen on " + options.host() + ":" + options.port()
                    + ": " + cause.getMessage(), cause);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** {@code http://127.0.0.1:<port>} (or the configured host when it is a specific one). */
    public String baseUrl() {
        return baseUrl;
    }

    /** The URL the store puts into hrefs and checks OAuth signatures against. */
    public String siteUrl() {
        return store.siteUrl();
    }

    /** The site's time zone, in which every local {@code date_x} field is written and {@code date_expires} is read. */
    public java.time.ZoneId timezone() {
        return store.zone();
    }

    /** Changes the site's time zone, as an administrator does under Settings, General; dates already stored keep their instant. */
    public void timezone(java.time.ZoneId zone) {
        store.zone(java.util.Objects.requireNonNull(zone, "zone"));
    }

    /**
     * Sets one option's value as an administrator does under WooCommerce, Settings (for example the general group's
     * {@code woocommerce_currency_pos}); {@link #reset()} restores the seeded value.
     */
    public void setting(String group, String id, String value) {
        ArrayNode options = store.settings.get(group);
        for (JsonNode option : options == null ? Json.array() : options) {
            if (id.equals(Json.text(option, "id"))) {
                ((ObjectNode) option).put("value", value);
                return;
            }
        }
        throw new IllegalArgumentException("no setting " + group + "/" + id);
    }

    /** The Store API nonce a guest's page carries ({@code wp_create_nonce('wc_store_api')} on a real store). */
    public String storeApiNonce() {
        return storeApi.nonce();
    }

    /** Back to the seeded state: products, orders, customers, coupons, notes, refunds, settings and used nonces. */
    public void reset() {
        store.reset();
        storeApi.reset();
        verifier.forgetNonces();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // nothing left to release
        }
    }

    private static String advertisedHost(String host) {
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") || host.equals("localhost")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }
}
