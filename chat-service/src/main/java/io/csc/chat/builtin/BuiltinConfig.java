package io.csc.chat.builtin;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the built-in assistant (prefix {@code chat.builtin}). */
@ConfigMapping(prefix = "chat.builtin")
public interface BuiltinConfig {

    /** Use the in-process embedding model for paraphrases the rules do not settle ({@code CHAT_BUILTIN_EMBEDDINGS}). */
    @WithDefault("true")
    boolean embeddings();

    /** How many message embeddings to keep (an LRU cache: the same question costs one embedding). */
    @WithDefault("10000")
    int embeddingCacheSize();

    /** The least cosine score an embedding match needs; below it the assistant asks a clarifying question. */
    @WithDefault("0.45")
    double minScore();

    /** The least lead of the best intent over the second; a closer race is a clarifying question too. */
    @WithDefault("0.03")
    double minMargin();

    /** How long a store's product names are kept for matching product mentions (typos included). */
    @WithDefault("5m")
    Duration catalogTtl();
}
