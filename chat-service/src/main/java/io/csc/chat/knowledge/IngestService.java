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
                .chain(lang -> fetch(domain, tenant).chain(parts -> update(domain, lang, parts, start))));
    }

    /** Each part of the store, or empty when it could not be read. */
    private Uni<Map<String, Optional<List<KnowledgeDocument>>>> fetch(String domain, TenantSettings tenant) {
        String storeUrl = tenant.storeUrl();
        Uni<Optional<List<ContentPage>>> pages = optional(content.pages(domain, "pages"), domain, "pages");
        Uni<Optional<List<ContentPage>>> posts = optional(content.pages(domain, "posts"), domain, "posts");
        Uni<Optional<StoreProfile>> profile = optional(content.profile(domain), domain, "store");
        Uni<Optional<List<ProductSummary>>> products = optional(
                gateway.products(domain, null, null, config.productLimit()), domain, "products");
        return Uni.combine().all().unis(pages, posts, profile, products).with((pg, ps, pr, pd) -> {
            Map<String, Optional<List<KnowledgeDocument>>> parts = new LinkedHashMap<>();
            parts.put("pages", pg.map(list -> list.stream().map(p -> builder.page(p, "page")).toList()));
            parts.put("posts", ps.map(list -> list.stream().map(p -> builder.page(p, "post")).toList()));
            parts.put("store", pr.map(p -> builder.profile(p, storeUrl, shippingUrl(p, storeUrl))));
            parts.put("products", pd.map(list -> builder.products(list, storeUrl)));
            return parts;
        });
    }

    /** Where the generated shipping passages point: the store's shipping policy page when it has one. */
    private static String shippingUrl(StoreProfile profile, String storeUrl) {
        StoreProfile.PageRef page = profile.policyPages() == null ? null : profile.policyPages().get("shipping");
        return page != null && page.link() != null ? page.link() : storeUrl;
    }

    private static <T> Uni<Optional<T>> optional(Uni<T> call, String domain, String part) {
        return call.map(Optional::ofNullable).onFailure().recoverWithItem(e -> {
            Log.warnf("Knowledge: %s of %s could not be read (%s); its previous passages are kept", part, domain,
                    e.getClass().getSimpleName());
            return Optional.empty();
        });
    }

    private Uni<ReindexResult> update(String domain, String language, Map<String, Optional<List<KnowledgeDocument>>> parts,
            long start) {
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
        return repository.versions(domain).chain(stored -> {
            List<KnowledgeDocument> added = new ArrayList<>();
            List<KnowledgeDocument> changed = new ArrayList<>();
            int unchanged = 0;
            for (KnowledgeDocument d : current.values()) {
                KnowledgeRepository.SourceVersion old = stored.get(d.sourceKey());
                if (old == null) {
                    added.add(d);
                } else if (!old.version().equals(d.version())) {
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
            String status = failed.isEmpty() ? "ok" : "partial: " + String.join(",", failed);
            if (failed.size() == PARTS.size()) {
                return repository.recordAttempt(domain, "store_unavailable").map(v -> new ReindexResult(domain, language,
                        0, 0, 0, 0, -1, failed, (System.nanoTime() - start) / 1_000_000));
            }
            int finalUnchanged = unchanged;
            return embed(toWrite).chain(upserts -> repository.apply(domain, upserts, removed, status))
                    .invoke(() -> index.invalidate(domain))
                    .chain(() -> repository.passages(domain))
                    .map(all -> new ReindexResult(domain, language, added.size(), changed.size(), removed.size(),
                            finalUnchanged, all.size(), failed, (System.nanoTime() - start) / 1_000_000));
        });
    }

    /** The embedding model is CPU work: it runs on a worker thread, never on the event loop. */
    private Uni<List<KnowledgeRepository.Upsert>> embed(List<KnowledgeDocument> docs) {
        return Uni.createFrom().item(() -> {
            List<KnowledgeRepository.Upsert> out = new ArrayList<>();
            for (KnowledgeDocument d : docs) {
                List<float[]> vectors = new ArrayList<>();
                for (KnowledgeDocument.Passage p : d.passages()) {
                    vectors.add(embedder.embed(KnowledgeDocument.text(d.title(), p.heading(), p.body())));
                }
                out.add(new KnowledgeRepository.Upsert(d, vectors));
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
}
