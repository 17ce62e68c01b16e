package io.csc.chat.knowledge;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Store knowledge: ingest and search (application.properties, block "knowledge"). */
@ConfigMapping(prefix = "chat.knowledge")
public interface KnowledgeConfig {

    /**
     * How long a store's profile (payment methods, shipping zones, address, currency) read at turn time is kept per
     * store before it is read again ({@code CHAT_KNOWLEDGE_PROFILE_TTL}).
     */
    @WithDefault("60s")
    Duration profileTtl();

    /** How often every indexed store is re-indexed ({@code CHAT_KNOWLEDGE_REINDEX_EVERY}, "off" to stop). */
    @WithDefault("24h")
    String reindexEvery();

    /** The first scheduled re-index runs this long after start ({@code CHAT_KNOWLEDGE_REINDEX_DELAY}). */
    @WithDefault("10m")
    String reindexDelay();

    /** Rank passages by meaning with an embedding model too ({@code CHAT_KNOWLEDGE_EMBEDDINGS}). */
    @WithDefault("true")
    boolean embeddings();

    /** Which embedding model ranks by meaning ({@code CHAT_KNOWLEDGE_EMBEDDING_PROVIDER}). */
    @WithDefault("local")
    EmbeddingProvider embeddingProvider();

    /** The provider's embedding model when {@code embedding-provider=openai} ({@code CHAT_KNOWLEDGE_OPENAI_EMBEDDING_MODEL}). */
    @WithDefault("text-embedding-3-small")
    String openaiEmbeddingModel();

    /** Question embeddings kept (an LRU cache: a question asked again costs no embedding). */
    @WithDefault("10000")
    int questionCacheSize();

    /** Below this combined relevance (0..1) a passage is not an answer: the tool says NOT_FOUND. */
    @WithDefault("0.5")
    double minRelevance();

    /** Share of the meaning-based score in the combined relevance; the rest is the full-text rank. */
    @WithDefault("0.75")
    double semanticWeight();

    /** Passages returned to an assistant at most. */
    @WithDefault("3")
    int maxResults();

    /** Products read per gateway request while a re-index pages through the catalog (the gateway's limit is 50). */
    @WithDefault("50")
    int productPageSize();

    /** Product pages read at most per re-index (with 50 a page: 10,000 products); a larger catalog is cut off. */
    @WithDefault("200")
    int productMaxPages();

    /** A section longer than this is cut into several passages at paragraph boundaries (characters). */
    @WithDefault("700")
    int maxPassageChars();

    /** Stores whose passages are kept in memory at once (each: its passages and vectors). */
    @WithDefault("200")
    int cacheTenants();

    /** Store events (product webhooks the gateway received), read from a Redis stream. */
    Events events();

    /** The embedding models knowledge can rank with. */
    enum EmbeddingProvider {
        /** The process's in-process model (no key, no network). */
        LOCAL,
        /** The OpenAI-compatible server of the LLM mode ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}). */
        OPENAI
    }

    interface Events {

        /** How often the stream is read ({@code CHAT_KNOWLEDGE_EVENTS_EVERY}, "off" to ignore product webhooks). */
        @WithDefault("2s")
        String every();

        /** The stream the gateway writes to (docs/internal-api.md). */
        @WithDefault("csc:store-events")
        String stream();

        /** The consumer group: each event is handled by one chat-service replica. */
        @WithDefault("chat-knowledge")
        String group();

        /** An event read by a replica that did not acknowledge it (it stopped) is taken over after this long. */
        @WithDefault("60s")
        Duration claimAfter();
    }
}
