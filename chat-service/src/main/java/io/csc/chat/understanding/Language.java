package io.csc.chat.understanding;

import java.util.Locale;

/** The languages the built-in assistant understands and writes. */
public enum Language {
    EN, DE, ES, FR;

    /** The ISO 639-1 code, as the widget and WordPress locales use it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The language of a locale or language tag ("de_DE", "fr-CA", "es"), or the fallback for anything else.
     */
    public static Language ofLocale(String locale, Language fallback) {
        if (locale == null || locale.length() < 2) {
            return fallback;
        }
        String head = locale.substring(0, 2).toLowerCase(Locale.ROOT);
        for (Language l : values()) {
            if (l.code().equals(head)) {
                return l;
            }
        }
        return fallback;
    }
}
