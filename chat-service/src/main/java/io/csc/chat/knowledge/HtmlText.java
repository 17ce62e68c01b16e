package io.csc.chat.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * WordPress's rendered HTML reduced to what a shopper reads: entities decoded, scripts, styles and embeds dropped,
 * tables flattened to one line per row ("Destination: Canada; Cost: $5.95"), and the text grouped into sections, each
 * under the heading that introduces it.
 */
public final class HtmlText {
    /** Never text: code, styling, embeds and form controls. */
    private static final String DROPPED = "script, style, noscript, template, iframe, object, embed, svg, canvas, "
            + "form, button, select, input, textarea";
    /** Elements whose whole text is one paragraph. */
    private static final Set<String> LEAVES = Set.of("p", "li", "blockquote", "pre", "dt", "dd", "figcaption",
            "address", "caption");

    private static final Pattern SHORTCODE = Pattern.compile("\\[/?[a-z][a-z0-9_-]*_[a-z0-9_-]*(\\s[^\\]]*)?\\]");

    /** A heading (null before the first one) and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    private HtmlText() {
    }

    /** Plain text of an HTML snippet (titles): entities decoded, tags dropped, spaces collapsed. */
    public static String plain(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(DROPPED).remove();
        return clean(body.text());
    }

    public static List<Section> sections(String html) {
        List<Section> sections = new ArrayList<>();
        if (html == null || html.isBlank()) {
            return sections;
        }
        Element body = Jsoup.parseBodyFragment(html).body();
        body.select(DROPPED).remove();
        Collector collector = new Collector(sections);
        walk(body, collector);
        collector.flush();
        return sections;
    }

    private static void walk(Element element, Collector out) {
        for (Node node : element.childNodes()) {
            if (node instanceof TextNode text) {
                out.text(text.text());
            } else if (node instanceof Element child) {
                String tag = child.normalName();
                if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    out.heading(clean(child.text()));
                } else if ("table".equals(tag)) {
                    table(child, out);
                } else if (LEAVES.contains(tag)) {
                    out.paragraph(clean(child.text()));
                } else if ("br".equals(tag)) {
                    out.endLine();
                } else {
                    walk(child, out);
                }
            }
        }
    }

    /** One line per row; a row of header cells names the columns of the rows after it. */
    private static void table(Element table, Collector out) {
        List<String> headers = List.of();
        for (Element row : table.select("tr")) {
            List<Element> cells = row.select("> th, > td");
            if (cells.isEmpty()) {
                continue;
            }
            boolean headerRow = cells.stream().allMatch(c -> "th".equals(c.normalName()));
            if (headerRow) {
                headers = cells.stream().map(c -> clean(c.text())).toList();
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String value = clean(cells.get(i).text());
                if (value.isEmpty()) {
                    continue;
                }
                String header = i < headers.size() ? headers.get(i) : "";
                parts.add(header.isEmpty() ? value : header + ": " + value);
            }
            if (!parts.isEmpty()) {
                out.paragraph(String.join("; ", parts) + ".");
            }
        }
    }

    /** An unrendered shortcode ("[woocommerce_my_account]") is markup for the theme, not text. */
    static String withoutShortcodes(String text) {
        return SHORTCODE.matcher(text).replaceAll("").trim();
    }

    static String clean(String text) {
        return text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }

    private static final class Collector {
        private final List<Section> sections;
        private String heading;
        private List<String> paragraphs = new ArrayList<>();
        private final StringBuilder loose = new StringBuilder();

        Collector(List<Section> sections) {
            this.sections = sections;
        }

        void heading(String text) {
            flush();
            heading = text.isEmpty() ? null : text;
        }

        void paragraph(String raw) {
            endLine();
            String text = withoutShortcodes(raw);
            if (!text.isEmpty()) {
                paragraphs.add(text);
            }
        }

        /** Text directly inside a container (no paragraph around it) is kept as a paragraph of its own. */
        void text(String text) {
            loose.append(text);
        }

        void endLine() {
            String t = withoutShortcodes(clean(loose.toString()));
            loose.setLength(0);
            if (!t.isEmpty()) {
                paragraphs.add(t);
            }
        }

        void flush() {
            endLine();
            if (!paragraphs.isEmpty()) {
                sections.add(new Section(heading, List.copyOf(paragraphs)));
            }
            paragraphs = new ArrayList<>();
        }
    }
}
