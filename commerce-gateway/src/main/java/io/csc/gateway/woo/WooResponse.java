package io.csc.gateway.woo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** A successful store answer: status, body, and the pagination facts WooCommerce puts in headers. */
public record WooResponse(int status, JsonNode body, Integer total, Integer totalPages, String link) {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\"");

    /** The {@code rel="next"} URL of the {@code Link} header, if any (it echoes our old oauth_* parameters). */
    public Optional<String> next() {
        return relation("next");
    }

    public Optional<String> relation(String rel) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(link);
        while (m.find()) {
            if (m.group(2).equals(rel)) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    public List<JsonNode> items() {
        List<JsonNode> items = new ArrayList<>();
        if (body != null && body.isArray()) {
            body.forEach(items::add);
        }
        return items;
    }

    /** Pagination headers to hand on to our own callers (admin proxy). */
    public Map<String, String> paginationHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (total != null) {
            headers.put("X-WP-Total", total.toString());
        }
        if (totalPages != null) {
            headers.put("X-WP-TotalPages", totalPages.toString());
        }
        return headers;
    }
}
