package io.csc.web;

/**
 * Which characters text from outside may hold. PostgreSQL refuses NUL in text (a 500 if it gets that far), and no
 * other C0 control character belongs in a name, an id or a URL; tab, line feed and carriage return stay allowed in
 * JSON strings (messages have lines).
 */
public final class Text {
    private Text() {
    }

    /** True when {@code s} holds NUL or a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code s} holds any control character at all (for URLs, headers and ids). */
    public static boolean hasAnyControlCharacter(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
