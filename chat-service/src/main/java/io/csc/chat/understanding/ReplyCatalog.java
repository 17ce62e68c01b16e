package io.csc.chat.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every sentence the built-in assistant writes, in English, German, Spanish and French, from one properties file per
 * language ({@code understanding/replies_xx.properties}, UTF-8). A key missing in a language falls back to English
 * (the test keeps that from happening); placeholders are named ({@code {order}}) so translators may reorder them.
 */
public final class ReplyCatalog {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private static final Map<Language, Properties> TEXTS = new EnumMap<>(Language.class);

    static {
        for (Language l : Language.values()) {
            TEXTS.put(l, load("/understanding/replies_" + l.code() + ".properties"));
        }
    }

    private ReplyCatalog() {
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = ReplyCatalog.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** The sentence for the key in the language (English when the language lacks it). */
    public static String text(Language language, String key) {
        String s = TEXTS.get(language == null ? Language.EN : language).getProperty(key);
        if (s == null) {
            s = TEXTS.get(Language.EN).getProperty(key);
        }
        if (s == null) {
            throw new IllegalArgumentException("no reply text for key " + key);
        }
        return s;
    }

    /** The sentence with its placeholders filled; a placeholder without a value stays visible rather than vanish. */
    public static String text(Language language, String key, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(text(language, key));
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v == null ? m.group() : String.valueOf(v)));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** Whether the catalogue has the key (in English, which every language falls back to). */
    public static boolean has(String key) {
        return TEXTS.get(Language.EN).getProperty(key) != null;
    }

    /** Every key of a language's file. */
    static Set<String> keys(Language language) {
        return new TreeSet<>(TEXTS.get(language).stringPropertyNames());
    }

    /** The placeholder names a key's text uses in a language. */
    static Set<String> placeholders(Language language, String key) {
        Set<String> out = new TreeSet<>();
        String s = TEXTS.get(language).getProperty(key);
        if (s != null) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    /** The language's own name, written in the language of the reply ("Deutsch" is "German" in English). */
    public static String languageName(Language of, Language in) {
        return text(in, "language." + of.code());
    }
}
