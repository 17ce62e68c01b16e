package io.csc.model.privacy;

import java.util.Map;

/** One service's part of a deletion: how many records of each kind were removed. */
public record PrivacyDeletion(String service, Map<String, Long> deleted) {
}
