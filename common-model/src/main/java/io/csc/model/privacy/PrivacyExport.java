package io.csc.model.privacy;

import java.util.List;
import java.util.Map;

/** One service's part of a data export: named collections of records (already free of other people's data). */
public record PrivacyExport(String service, Map<String, List<Map<String, Object>>> data) {
}
