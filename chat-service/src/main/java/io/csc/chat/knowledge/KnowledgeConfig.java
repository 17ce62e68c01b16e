package io.csc.chat.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Store knowledge: ingest and search (application.properties, block "knowledge"). */
@ConfigMapping(prefix = "chat.knowledge")
public interface KnowledgeConfig {

    /** How often every indexed store is re-indexed ({@code CHAT_KNOWLEDGE_REINDEX_EVERY}, "off" to stop). */
    @WithDefault("24h")
    String reindexEvery();

    /** The first scheduled re-index runs this long after start ({@code CHAT_KNOWLEDGE_REINDEX_DELAY}). */
    @WithDefault("10m")
    String reindexDelay();

    /** Rank passages by meaning with the in-process embedding model too ({@code CHAT_KNOWLEDGE_EMBEDDINGS}). */
    @WithDefault("true")
    boolean embeddings();

    /** Below this combined relevance (0..1) a passage is not an answer: the tool says NOT_FOUND. */
    @WithDefault("0.5")
    double minRelevance();

    /** Share of the meaning-based score in the combined relevance; the rest is the full-text rank. */
    @WithDefault("0.75")
    double semanticWeight();

    /** Passages returned to an assistant at most. */
    @WithDefault("3")
    int maxResults();

    /** Products read per re-index (the gateway's limit per call is 50). */
    @WithDefault("50")
    int productLimit();

    /** A section longer than this is cut into several passages at paragraph boundaries (characters). */
    @WithDefault("700")
    int maxPassageChars();

    /** Stores whose passages are kept in memory at once (each: its passages and vectors). */
    @WithDefault("200")
    int cacheTenants();
}
