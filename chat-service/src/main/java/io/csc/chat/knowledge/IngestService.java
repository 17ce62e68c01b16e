package io.csc.chat.knowledge;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.chat.client.GatewayClient;
import io.csc.model.commerce.ProductSummary;
import io.csc.model.tenant.TenantSettings;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Re-indexes one store, in order:
 * <ol>
 * <li>reads its pages, posts, store profile (shipping, payment, address, currency) and products through the gateway,
 * each part on its own: a part that cannot be read keeps its previous passages (a store that is down loses
 * nothing);</li>
 * <li>turns them into documents and compares each with the stored version ({@code modified_gmt} for WordPress
 * content, a hash otherwise): only added and changed ones are split and embedded again;</li>
 * <li>writes the changes and removes what the store no longer publishes, in one transaction;</li>
 * <li>drops the store's in-memory index so the next question sees the new passages.</li>
 * </ol>
 */
@ApplicationScoped
public class IngestService {
    static final List<String> PARTS = List.of("pages", "posts", "store", "products");
    /** A store asked about before it was ever indexed is indexed in the background, at most this often. */
    private static final Duration FIRST_INDEX_EVERY = Duration.ofMinutes(5);

    private final KnowledgeGatewayClient content;
    private final GatewayClient gateway;
    private final KnowledgeRepository repository;
    private final KnowledgeIndex index;
    private final KnowledgeEmbedder embedder;
    private final KnowledgeConfig config;
    private final DocumentBuilder builder;
    private final Map<String, Long> backgroundStarts = new ConcurrentHashMap<>();

    public IngestService(KnowledgeGatewayClient content, GatewayClient gateway, KnowledgeRepository repository,
            KnowledgeIndex index, KnowledgeEmbedder embedder, KnowledgeConfig config) {
        this.content = content;
        this.gateway = gateway;
        this.repository = repository;
        this.index = index;
        this.embedder = embedder;
        this.config = config;
        this.builder = new DocumentBuilder(config.maxPassageChars());
    }

    /** Starts a first index of a store nobody indexed yet; answers at once. */
    public void indexInBackground(String domain) {
        long now = System.nanoTime();
        Long last = backgroundStarts.get(domain);
        if (last != null && now - last < FIRST_INDEX_EVERY.toNanos()) {
            return;
        }
        if (backgroundStarts.size() > 10_000) {
            backgroundStarts.clear();
        }
        backgroundStarts.put(domain, now);
        reindex(domain, null).subscribe().with(
                r -> Log.infof("Knowledge: first index of %s: %d passages", domain, r.passages()),
                e -> Log.warnf("Knowledge: first index of %s failed: %s", domain, e.getClass().getSimpleName()));
    }

    /** {@code language}: a PostgreSQL text-search configuration for this store, or null to keep the current one. */
    public Uni<ReindexResult> reindex(String domain, String language) {
        long start = System.nanoTime();
        return gateway.tenant(domain).chain(tenant -> repository.ensureTenant(domain, language)
                .chain(lang -> fetch(domain, tenant, Set.copyOf(PARTS))
                        .chain(parts -> update(domain, lang, parts, start, true))))
                .call(repository::recordResult);
    }

    /**
     * The store's products and categories only, again (a product webhook): the catalog is read as in a full re-index,
     * so only changed products are embedded again and vanished ones (deleted, trashed, drafted) go; pages, posts and
     * settings are left alone, and so is the store's re-index status. A store never indexed is left alone (its first
     * question or re-index reads everything). Empty when there was nothing to refresh.
     */
    public Uni<Optional<ReindexResult>> refreshProducts(String domain) {
        long start = System.nanoTime();
        return repository.language(domain).chain(lang -> {
            if (lang.isEmpty()) {
                return Uni.createFrom().item(Optional.<ReindexResult>empty());
            }
            return gateway.tenant(domain)
                    .chain(tenant -> fetch(domain, tenant, Set.of("products")))
                    .chain(parts -> update(domain, lang.get(), parts, start, false)).map(Optional::of);
        });
    }

    /** Each requested part of the store, or empty when it could not be read. */
    private Uni<Map<String, Optional<List<KnowledgeDocument>>>> fetch(String domain, TenantSettings tenant,
            Set<String> wanted) {
        String storeUrl = tenant.storeUrl();
        Uni<Optional<List<ContentPage>>> pages = wanted.contains("pages")
                ? optional(content.pages(domain, "pages"), domain, "pages")
                : Uni.createFrom().item(Optional.empty());
        Uni<Optional<List<ContentPage>>> posts = wanted.contains("posts")
                ? optional(content.pages(domain, "posts"), domain, "posts")
                : Uni.createFrom().item(Optional.empty());
        Uni<Optional<StoreProfile>> profile = wanted.contains("store")
                ? optional(content.profile(domain), domain, "store")
                : Uni.createFrom().item(Optional.empty());
        Uni<Optional<List<ProductSummary>>> products = wanted.contains("products")
                ? optional(allProducts(domain, 1, new ArrayList<>()), domain, "products")
                : Uni.createFrom().item(Optional.empty());
        return Uni.combine().all().unis(pages, posts, profile, products).with((pg, ps, pr, pd) -> {
            Map<String, Optional<List<KnowledgeDocument>>> parts = new LinkedHashMap<>();
            if (wanted.contains("pages")) {
                parts.put("pages", pg.map(list -> list.stream().map(p -> builder.page(p, "page")).toList()));
            }
            if (wanted.contains("posts")) {
                parts.put("posts", ps.map(list -> list.stream().map(p -> builder.page(p, "post")).toList()));
            }
            if (wanted.contains("store")) {
                parts.put("store", pr.map(p -> builder.profile(p, storeUrl, shippingUrl(p, storeUrl))));
            }
            if (wanted.contains("products")) {
                parts.put("products", pd.map(list -> builder.products(list, storeUrl)));
            }
            return parts;
        });
    }

    /**
     * Every published product, page after page of the gateway's product route, until a page comes back short (a store
     * whose catalog changes while it is read may show a product twice: documents are keyed by product id).
     */
    private Uni<List<ProductSummary>> allProducts(String domain, int page, List<ProductSummary> read) {
        int size = config.productPageSize();
        return content.products(domain, size, page).chain(list -> {
            read.addAll(list);
            if (list.size() < size) {
                return Uni.createFrom().item(read);
            }
            if (page >= config.productMaxPages()) {
                Log.warnf("Knowledge: %s has more than %d products; the rest is not indexed", domain, read.size());
                return Uni.createFrom().item(read);
            }
            return allProducts(domain, page + 1, read);
        });
    }

    /** Where the generated shipping passages point: the store's shipping policy page when it has one. */
    private static String shippingUrl(StoreProfile profile, String storeUrl) {
        StoreProfile.PageRef page = profile.policyPages() == null ? null : profile.policyPages().get("shipping");
        return page != null && page.link() != null ? page.link() : storeUrl;
    }

    private static <T> Uni<Optional<T>> optional(Uni<T> call, String domain, String part) {
        return call.map(Optional::ofNullable).onFailure().recoverWithItem(e -> {
            String why = e instanceof jakarta.ws.rs.WebApplicationException w && w.getResponse() != null
                    ? "HTTP " + w.getResponse().getStatus()
                    : e.getClass().getSimpleName();
            Log.warnf("Knowledge: %s of %s could not be read (%s); its previous passages are kept", part, domain, why);
            return Optional.empty();
        });
    }

    /** {@code full}: every part was asked for (a re-index), else a refresh of some parts (product webhooks). */
    private Uni<ReindexResult> update(String domain, String language, Map<String, Optional<List<KnowledgeDocument>>> parts,
            long start, boolean full) {
        List<String> failed = new ArrayList<>();
        Set<String> readKinds = new HashSet<>();
        Map<String, KnowledgeDocument> current = new LinkedHashMap<>();
        parts.forEach((part, docs) -> {
            if (docs.isEmpty()) {
                failed.add(part);
            } else {
                readKinds.addAll(kinds(part));
                docs.get().forEach(d -> current.putIfAbsent(d.sourceKey(), d));
            }
        });
        String model = embedder.modelId();
        return repository.versions(domain, model).chain(stored -> {
            List<KnowledgeDocument> added = new ArrayList<>();
            List<KnowledgeDocument> changed = new ArrayList<>();
            int unchanged = 0;
            for (KnowledgeDocument d : current.values()) {
                KnowledgeRepository.SourceVersion old = stored.get(d.sourceKey());
                if (old == null) {
                    added.add(d);
                } else if (!old.version().equals(d.version()) || old.stale()) {
                    // stale: its vectors are another model's (the provider changed): embedded again
                    changed.add(d);
                } else {
                    unchanged++;
                }
            }
            List<String> removed = stored.entrySet().stream()
                    .filter(e -> readKinds.contains(e.getValue().kind()) && !current.containsKey(e.getKey()))
                    .map(Map.Entry::getKey).sorted().toList();
            List<KnowledgeDocument> toWrite = new ArrayList<>(added);
            toWrite.addAll(changed);
            String status = !full ? null : failed.isEmpty() ? "ok" : "partial: " + String.join(",", failed);
            if (failed.size() == parts.size()) {
                Uni<Void> recorded = full
                        ? repository.recordAttempt(domain, "store_unavailable")
                        : Uni.createFrom().voidItem();
                return recorded.map(v -> new ReindexResult(domain, language, 0, 0, 0, 0, -1, failed,
                        (System.nanoTime() - start) / 1_000_000));
            }
            int finalUnchanged = unchanged;
            if (toWrite.isEmpty() && removed.isEmpty() && !full) {
                return repository.count(domain).map(n -> new ReindexResult(domain, language, 0, 0, 0, finalUnchanged, n,
                        failed, (System.nanoTime() - start) / 1_000_000));
            }
            return embed(toWrite, model)
                    .onFailure().transform(e -> new EmbeddingFailedException(e))
                    .chain(upserts -> repository.apply(domain, upserts, removed, status))
                    .invoke(() -> index.invalidate(domain))
                    .chain(() -> repository.count(domain))
                    .map(n -> new ReindexResult(domain, language, added.size(), changed.size(), removed.size(),
                            finalUnchanged, n, failed, (System.nanoTime() - start) / 1_000_000));
        });
    }

    /**
     * Every passage of these documents embedded, in batches (CPU work for the in-process model, requests for a
     * provider's): on a worker thread, never on the event loop.
     */
    private Uni<List<KnowledgeRepository.Upsert>> embed(List<KnowledgeDocument> docs, String model) {
        return Uni.createFrom().item(() -> {
            List<String> texts = new ArrayList<>();
            for (KnowledgeDocument d : docs) {
                for (KnowledgeDocument.Passage p : d.passages()) {
                    texts.add(KnowledgeDocument.text(d.title(), p.heading(), p.body()));
                }
            }
            List<float[]> vectors = embedder.embedAll(texts);
            List<KnowledgeRepository.Upsert> out = new ArrayList<>();
            int next = 0;
            for (KnowledgeDocument d : docs) {
                List<float[]> own = new ArrayList<>(vectors.subList(next, next + d.passages().size()));
                next += d.passages().size();
                out.add(new KnowledgeRepository.Upsert(d, own, model));
            }
            return out;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Set<String> kinds(String part) {
        return switch (part) {
            case "pages" -> Set.of("page");
            case "posts" -> Set.of("post");
            case "store" -> Set.of("store");
            case "products" -> Set.of("product", "category");
            default -> Set.of();
        };
    }

    /** Every store indexed so far, one after another (the schedule). */
    public Uni<Map<String, ReindexResult>> reindexAll() {
        return repository.domains().chain(domains -> {
            Map<String, ReindexResult> results = new HashMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String domain : domains) {
                chain = chain.chain(() -> reindex(domain, null).invoke(r -> results.put(domain, r)).replaceWithVoid()
                        .onFailure().recoverWithItem(e -> {
                            Log.warnf("Knowledge: re-index of %s failed: %s", domain, e.getClass().getSimpleName());
                            return null;
                        }));
            }
            return chain.map(v -> results);
        });
    }

    /**
     * The embedding provider failed while a re-index embedded its passages: nothing was written, the previous passages
     * stay (rather than passages without vectors).
     */
    public static class EmbeddingFailedException extends RuntimeException {
        EmbeddingFailedException(Throwable cause) {
            super("The embedding model failed: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
