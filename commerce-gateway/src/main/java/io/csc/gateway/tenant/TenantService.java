package io.csc.gateway.tenant;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.gateway.config.GatewayConfig;
import io.csc.gateway.crypto.CredentialCipher;
import io.csc.web.ApiException;
import io.csc.web.TenantDomain;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * The tenant registry: admin writes go to PostgreSQL sealed; reads on the request path come from a short-lived
 * in-memory copy with the secrets opened, so a stock lookup does not touch the database.
 */
@ApplicationScoped
public class TenantService {
    private final TenantRepository repository;
    private final CredentialCipher cipher;
    private final GatewayConfig config;
    private final Vertx vertx;
    private final Clock clock;
    private final HostResolver resolver;
    private final SecureRandom random = new SecureRandom();
    private static final int MAX_CACHED = 10_000;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, KnownOrigin> origins = new ConcurrentHashMap<>();

    public TenantService(TenantRepository repository, CredentialCipher cipher, GatewayConfig config, Vertx vertx,
            Clock clock, HostResolver resolver) {
        this.resolver = resolver;
        this.repository = repository;
        this.cipher = cipher;
        this.config = config;
        this.vertx = vertx;
        this.clock = clock;
    }

    /** Result of a save: the view, and whether the tenant is new. */
    public record Saved(TenantView view, boolean created) {
    }

    public Uni<Saved> save(TenantConfigRequest request) {
        String domain = normalizeDomain(request.domain());
        return Panache.withSession(() -> repository.findByDomain(domain))
                .map(existing -> request.developmentStore() != null
                        ? request.developmentStore()
                        : existing != null && existing.developmentStore)
                .chain(developmentStore -> checkUrl(request.woocommerceUrl(), developmentStore))
                .chain(url -> Panache.withTransaction(() -> saveChecked(domain, request, url)))
                .invoke(() -> {
                    cache.remove(domain);
                    origins.clear();
                });
    }

    private Uni<Saved> saveChecked(String domain, TenantConfigRequest request, Optional<URI> url) {
        return repository.findByDomain(domain).chain(existing -> {
            boolean created = existing == null;
            Tenant tenant = created ? new Tenant() : existing;
            Instant now = clock.instant();
            if (created) {
                tenant.domain = domain;
                tenant.createdAt = now;
            }
            if (request.storeName() != null) {
                tenant.storeName = request.storeName().trim();
            }
            if (request.developmentStore() != null) {
                tenant.developmentStore = request.developmentStore();
            }
            url.ifPresent(u -> tenant.woocommerceUrl = u.toString());
            if (request.consumerKey() != null) {
                tenant.consumerKeyEnc = cipher.encrypt(request.consumerKey(), context(domain, "consumer_key"));
            }
            if (request.consumerSecret() != null) {
                tenant.consumerSecretEnc = cipher.encrypt(request.consumerSecret(), context(domain, "consumer_secret"));
            }
            if (request.woocommerceEnabled() != null) {
                tenant.woocommerceEnabled = request.woocommerceEnabled();
            } else if (created) {
                tenant.woocommerceEnabled = request.consumerKey() != null;
            }
            if (request.allowedOrigins() != null) {
                tenant.allowedOrigins = String.join("\n", request.allowedOrigins().stream()
                        .map(o -> o.toLowerCase(Locale.ROOT)).distinct().toList());
            }
            if (request.supportEmail() != null) {
                tenant.supportEmail = request.supportEmail();
            }
            String generatedSecret = null;
            if (request.pluginSecret() != null) {
                tenant.pluginSecretEnc = cipher.encrypt(request.pluginSecret(), context(domain, "plugin_secret"));
            } else if (created || !readable(tenant.pluginSecretEnc, context(domain, "plugin_secret"))) {
                // A plugin secret no key can open is lost for good: the store gets a new one, shown once like at
                // creation, to be entered in the plugin (or the old one is sent as plugin_secret, when known).
                generatedSecret = newPluginSecret();
                tenant.pluginSecretEnc = cipher.encrypt(generatedSecret, context(domain, "plugin_secret"));
            }
            if (tenant.woocommerceEnabled
                    && (tenant.woocommerceUrl == null || tenant.consumerKeyEnc == null || tenant.consumerSecretEnc == null)) {
                throw ApiException.badRequest(
                        "woocommerce_url, woocommerce_consumer_key and woocommerce_consumer_secret are required to enable WooCommerce");
            }
            if (tenant.woocommerceUrl != null && !tenant.developmentStore
                    && !tenant.woocommerceUrl.startsWith("https://")) {
                throw new ApiException(400, "invalid_store_url",
                        "woocommerce_url must use https unless the tenant is a development_store");
            }
            rotate(tenant);
            tenant.updatedAt = now;
            String shownSecret = generatedSecret;
            Uni<Tenant> persisted = created ? repository.persist(tenant) : Uni.createFrom().item(tenant);
            return persisted.map(t -> new Saved(view(t, shownSecret), created));
        }).invoke(saved -> Log.infof("Tenant %s %s", saved.view().domain(), saved.created() ? "created" : "updated"));
    }

    /** Parses the URL and resolves its host off the event loop (DNS lookups block). */
    private Uni<Optional<URI>> checkUrl(String url, boolean developmentStore) {
        if (url == null) {
            return Uni.createFrom().item(Optional.empty());
        }
        URI uri = StoreUrlPolicy.parse(url, developmentStore);
        return vertx.executeBlocking(Uni.createFrom().item(() -> {
            // Resolved now too, so a typo or a name pointing into our network is refused at once (400).
            StoreUrlPolicy.checkAddresses(uri, developmentStore, resolver);
            return Optional.of(uri);
        }));
    }

    @WithSession
    public Uni<TenantView> view(String domain) {
        return repository.findByDomain(normalizeDomain(domain)).map(t -> {
            if (t == null) {
                throw notFound();
            }
            return view(t, null);
        });
    }

    @WithSession
    public Uni<List<TenantView>> list() {
        return repository.listAll(Sort.by("domain"))
                .map(all -> all.stream().map(t -> view(t, null)).toList());
    }

    @WithTransaction
    public Uni<Void> delete(String domain) {
        String normalized = normalizeDomain(domain);
        return repository.delete("domain", normalized).invoke(count -> {
            cache.remove(normalized);
            origins.clear();
            if (count == 0) {
                throw notFound();
            }
            Log.infof("Tenant %s deleted", normalized);
        }).replaceWithVoid();
    }

    /** Seals every stored secret with the current key; answers how many tenants changed. */
    @WithTransaction
    public Uni<Integer> rotateKeys() {
        return repository.listAll().map(all -> {
            int changed = 0;
            for (Tenant tenant : all) {
                if (rotate(tenant)) {
                    tenant.updatedAt = clock.instant();
                    changed++;
                }
            }
            cache.clear();
            return changed;
        });
    }

    private boolean rotate(Tenant t) {
        boolean changed = false;
        if (t.consumerKeyEnc != null && cipher.needsRotation(t.consumerKeyEnc)) {
            String resealed = reseal(t.consumerKeyEnc, context(t.domain, "consumer_key"));
            changed |= !resealed.equals(t.consumerKeyEnc);
            t.consumerKeyEnc = resealed;
        }
        if (t.consumerSecretEnc != null && cipher.needsRotation(t.consumerSecretEnc)) {
            String resealed = reseal(t.consumerSecretEnc, context(t.domain, "consumer_secret"));
            changed |= !resealed.equals(t.consumerSecretEnc);
            t.consumerSecretEnc = resealed;
        }
        if (t.pluginSecretEnc != null && cipher.needsRotation(t.pluginSecretEnc)) {
            String resealed = reseal(t.pluginSecretEnc, context(t.domain, "plugin_secret"));
            changed |= !resealed.equals(t.pluginSecretEnc);
            t.pluginSecretEnc = resealed;
        }
        return changed;
    }

    /** Sealed again with the current key; a value no configured key opens is left as it is (the console says so). */
    private String reseal(String sealed, String context) {
        try {
            return cipher.encrypt(cipher.decrypt(sealed, context), context);
        } catch (CredentialCipher.CredentialException e) {
            Log.warnf("A stored credential (%s) cannot be opened with the configured keys; left as it is", context);
            return sealed;
        }
    }

    private boolean readable(String sealed, String context) {
        return sealed == null || open(sealed, context).isPresent();
    }

    /** The opened value, or empty when no configured key opens it (a changed ENCRYPTION_KEY, a damaged row). */
    private Optional<String> open(String sealed, String context) {
        try {
            return Optional.of(cipher.decrypt(sealed, context));
        } catch (CredentialCipher.CredentialException e) {
            return Optional.empty();
        }
    }

    /** The tenant with its secrets opened, from memory when fresh. 404 when the store is not registered. */
    public Uni<ActiveTenant> active(String domain) {
        String normalized = normalizeDomain(domain);
        Cached cached = cache.get(normalized);
        long now = System.nanoTime();
        if (cached != null && cached.expiresAt - now > 0) {
            return cached.tenant.map(t -> Uni.createFrom().item(t)).orElseGet(() -> Uni.createFrom().failure(notFound()));
        }
        return Panache.withSession(() -> repository.findByDomain(normalized)).map(t -> {
            Optional<ActiveTenant> loaded;
            try {
                loaded = Optional.ofNullable(t).map(this::open);
            } catch (CredentialCipher.CredentialException e) {
                // Not cached: the keys may be entered again any moment. Other stores are not affected.
                Log.warnf("Tenant %s: stored keys cannot be opened with the configured ENCRYPTION_KEY", normalized);
                throw keysUnreadable();
            }
            if (cache.size() > MAX_CACHED) {
                // Unknown domains are remembered too (so they cost no query): keep their number bounded.
                cache.clear();
            }
            cache.put(normalized, new Cached(loaded, now + config.cache().tenants().toNanos()));
            return loaded.orElseThrow(TenantService::notFound);
        });
    }

    /** {@link #active} that can also talk to its store: 503 "WooCommerce not configured" otherwise. */
    public Uni<ActiveTenant> withStore(String domain) {
        return active(domain).invoke(t -> {
            if (!t.configured()) {
                throw ApiException.unavailable("woocommerce_not_configured", "WooCommerce not configured for this store");
            }
        });
    }

    /** Remembers an origin a store was just seen to allow (its requests then get CORS headers). */
    public void noteAllowedOrigin(String origin) {
        if (origins.size() > MAX_CACHED) {
            origins.clear();
        }
        origins.put(origin.toLowerCase(Locale.ROOT),
                new KnownOrigin(true, System.nanoTime() + config.cache().tenants().toNanos()));
    }

    /** Whether a store was lately seen to allow this origin ({@link #noteAllowedOrigin}); false when unknown. */
    public boolean originKnownAllowed(String origin) {
        KnownOrigin known = origins.get(origin.toLowerCase(Locale.ROOT));
        return known != null && known.allowed && known.until - System.nanoTime() > 0;
    }

    public void forget(String domain) {
        cache.remove(normalizeDomain(domain));
    }

    private ActiveTenant open(Tenant t) {
        List<String> origins = t.allowedOrigins == null || t.allowedOrigins.isBlank()
                ? List.of()
                : Arrays.asList(t.allowedOrigins.split("\n"));
        return new ActiveTenant(t.domain, t.storeName == null ? t.domain : t.storeName,
                t.woocommerceUrl == null ? null : URI.create(t.woocommerceUrl), t.woocommerceEnabled,
                t.consumerKeyEnc == null ? null : cipher.decrypt(t.consumerKeyEnc, context(t.domain, "consumer_key")),
                t.consumerSecretEnc == null ? null : cipher.decrypt(t.consumerSecretEnc, context(t.domain, "consumer_secret")),
                cipher.decrypt(t.pluginSecretEnc, context(t.domain, "plugin_secret")), List.copyOf(origins),
                t.supportEmail, t.developmentStore);
    }

    /**
     * The admin view. A store whose sealed values no configured key opens (ENCRYPTION_KEY changed without keeping the
     * old one in ENCRYPTION_KEYS_PREVIOUS, a damaged row) is still listed, as "Unreadable", so that it can be edited
     * with new keys or deleted; it never takes the list down with it.
     */
    private TenantView view(Tenant t, String pluginSecretOnce) {
        Optional<String> key = t.consumerKeyEnc == null
                ? Optional.empty()
                : open(t.consumerKeyEnc, context(t.domain, "consumer_key"));
        Optional<String> secret = t.consumerSecretEnc == null
                ? Optional.empty()
                : open(t.consumerSecretEnc, context(t.domain, "consumer_secret"));
        boolean unreadable = (t.consumerKeyEnc != null && key.isEmpty())
                || (t.consumerSecretEnc != null && secret.isEmpty())
                || !readable(t.pluginSecretEnc, context(t.domain, "plugin_secret"));
        List<String> origins = t.allowedOrigins == null || t.allowedOrigins.isBlank()
                ? List.of()
                : Arrays.asList(t.allowedOrigins.split("\n"));
        String status = unreadable ? "Unreadable" : key.isPresent() && secret.isPresent() ? "Encrypted" : "Not Set";
        return new TenantView(true, t.domain, t.storeName, t.woocommerceUrl, t.woocommerceEnabled,
                TenantView.mask(key.orElse(null)), TenantView.mask(secret.orElse(null)), status,
                unreadable ? KEYS_UNREADABLE : null, origins, t.supportEmail, t.developmentStore, pluginSecretOnce,
                cipher.currentKeyId(), t.updatedAt);
    }

    private String newPluginSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Associated data for the cipher: a sealed value opens only for its own tenant and field. */
    static String context(String domain, String field) {
        return "tenant:" + domain + ":" + field;
    }

    /**
     * The one spelling of a store domain, common-web's rule for every service: lower case, surrounding spaces dropped;
     * a control character anywhere (a NUL appended to a real domain must never reach that store's data) or anything
     * that is not a host name is 400 {@code invalid_domain}.
     */
    public static String normalizeDomain(String domain) {
        return TenantDomain.normalize(domain);
    }

    /** What the console shows for a store whose keys cannot be opened, and the error its requests get. */
    static final String KEYS_UNREADABLE = "keys unreadable — enter them again";

    private static ApiException keysUnreadable() {
        return ApiException.unavailable("store_keys_unreadable",
                "This store's keys cannot be read with the current encryption key: enter them again in the console");
    }

    private static ApiException notFound() {
        return ApiException.notFound("tenant_not_found", "Unknown store domain");
    }

    private record Cached(Optional<ActiveTenant> tenant, long expiresAt) {
    }

    private record KnownOrigin(boolean allowed, long until) {
    }
}
