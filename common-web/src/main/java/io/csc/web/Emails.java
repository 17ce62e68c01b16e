package io.csc.web;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one email rule of every service, the one WordPress' {@code is_email()} applies (and with it WooCommerce, which
 * answers {@code rest_invalid_param} to anything else): ASCII only, a local part of letters, digits and
 * {@code !#$%&'*+/=?^_`{|}~.-}, and a domain of at least two dot-separated labels of letters, digits and hyphens. An
 * address the store would refuse is refused here first, with 400 {@code invalid_email}, so that it never becomes a
 * gateway call (whose 400 would otherwise look like the store failing).
 */
public final class Emails {
    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private Emails() {
    }

    /** Emails compare case-insensitively everywhere here (as WooCommerce does). */
    public static String normalize(String email) {
        if (email == null || email.isBlank()) {
            throw invalid();
        }
        String normalized = email.strip().toLowerCase(Locale.ROOT);
        // Checked before stripping: strip() would hide a trailing line feed, trim() even a NUL.
        if (Text.hasAnyControlCharacter(email) || !isValidNormalized(normalized)) {
            throw invalid();
        }
        return normalized;
    }

    /** {@link #normalize} for an optional field: null or blank stays null. */
    public static String normalizeOptional(String email) {
        return email == null || email.isBlank() ? null : normalize(email);
    }

    public static boolean isValid(String email) {
        return email != null && !email.isBlank() && !Text.hasAnyControlCharacter(email)
                && isValidNormalized(email.strip().toLowerCase(Locale.ROOT));
    }

    private static boolean isValidNormalized(String email) {
        if (email.length() > MAX_LENGTH) {
            return false;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || email.indexOf('@') != at) {
            return false;
        }
        String local = email.substring(0, at);
        String domain = email.substring(at + 1);
        if (!LOCAL.matcher(local).matches()) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static ApiException invalid() {
        return new ApiException(400, "invalid_email", "Invalid request: email is not a valid email address");
    }
}
