package io.csc.model;

/**
 * The JSON error shape every service answers with: {@code {"success": false, "error": "...", "code": "..."}}.
 * {@code code} is a stable machine-readable reason; {@code error} is safe to show to a person.
 */
public record ErrorResponse(boolean success, String error, String code) {
    public static ErrorResponse of(String code, String error) {
        return new ErrorResponse(false, error, code);
    }
}
