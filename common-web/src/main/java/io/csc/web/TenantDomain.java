package io.csc.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a tenant domain, the key every service files a store under. A tenant domain is a host name (ASCII
 * letters, digits and hyphens in dot-separated labels, IDNs in their {@code xn--} form), optionally followed by
 * {@code :port} so that development stores such as {@code localhost:8090} work. It is compared lower-case and without
 * surrounding blanks. Anything else (blank, control characters, spaces, slashes, a scheme, non-ASCII) is refused with
 * 400 {@code invalid_domain} before it reaches a cache key, a database or the gateway.
 */
public final class TenantDomain {
    /** RFC 1035 name length, plus room for ":65535". */
    public static final int MAX_LENGTH = 253 + 6;
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private TenantDomain() {
    }

    /**
     * @return the domain trimmed and lower-cased
     * @throws ApiException 400 {@code invalid_domain}
     */
    public static String normalize(String domain) {
        if (domain == null || domain.isBlank()) {
            throw invalid("domain is required");
        }
        String normalized = domain.strip().toLowerCase(Locale.ROOT);
        // Checked before stripping: strip() would hide a trailing line feed, trim() even a NUL.
        if (Text.hasAnyControlCharacter(domain) || !isValidNormalized(normalized)) {
            throw invalid("domain must be a host name such as shop.example.com (optionally with :port)");
        }
        return normalized;
    }

    /** Whether {@link #normalize} accepts the value. */
    public static boolean isValid(String domain) {
        return domain != null && !domain.isBlank() && !Text.hasAnyControlCharacter(domain)
                && isValidNormalized(domain.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isValidNormalized(String domain) {
        if (domain.length() > MAX_LENGTH) {
            return false;
        }
        String host = domain;
        int colon = domain.indexOf(':');
        if (colon >= 0) {
            host = domain.substring(0, colon);
            if (!validPort(domain.substring(colon + 1))) {
                return false;
            }
        }
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean validPort(String port) {
        if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        int value = Integer.parseInt(port);
        return value >= 1 && value <= 65535;
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, "invalid_domain", "Invalid request: " + message);
    }
}
