package io.csc.chat.knowledge;

import java.util.List;

/**
 * What a re-index did: sources (pages, posts, products, generated summaries) added, changed and removed, those left
 * as they were, the passages the store has now, and the parts of the store that could not be read ({@code failed}:
 * pages, posts, products, store), whose previous passages were kept.
 */
public record ReindexResult(String domain, String language, int added, int changed, int removed, int unchanged,
        int passages, List<String> failed, long durationMillis) {

    public boolean storeUnavailable() {
        return failed.size() == IngestService.PARTS.size();
    }
}
