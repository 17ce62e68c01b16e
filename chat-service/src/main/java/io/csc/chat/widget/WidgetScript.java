package io.csc.chat.widget;

import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * What the storefront loads of {@code widget/embed.js}: the source without its comment lines, indentation and blank
 * lines (the widget's size budget, 15 KB gzipped, counts what is sent). Line breaks stay where they are, so statement
 * ends read the same. A source with a template literal or a line continued by a backslash, where a line's leading
 * spaces could be text, is served unchanged. {@code widget/test/mock-server.js} compacts the same way.
 */
final class WidgetScript {
    private WidgetScript() {
    }

    static byte[] compact(byte[] source) {
        if (source == null) {
            return null;
        }
        String text = new String(source, StandardCharsets.UTF_8);
        if (text.indexOf('`') >= 0 || text.lines().anyMatch(l -> l.endsWith("\\"))) {
            return source;
        }
        StringJoiner out = new StringJoiner("\n", "", "\n");
        text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("//")).forEach(out::add);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
