package io.csc.chat.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HtmlTextTest {

    @Test
    void sectionsFollowHeadingsAndDropCodeAndShortcodes() {
        List<HtmlText.Section> sections = HtmlText.sections("""
                <p>Intro &amp; welcome&nbsp;here.</p>
                <style>.x{color:red}</style>
                <h2>Costs</h2>
                <table><thead><tr><th>Destination</th><th>Cost</th></tr></thead>
                <tbody><tr><td>Canada</td><td>$5.95</td></tr><tr><td>France</td><td></td></tr></tbody></table>
                <script>alert('x')</script>
                <h3>Notes</h3><div>Loose text<br>on two lines</div><ul><li>One</li><li>Two</li></ul>
                <p>[woocommerce_my_account]</p>
                <h2>Empty</h2>
                """);
        assertEquals(List.of(new HtmlText.Section(null, List.of("Intro & welcome here.")),
                new HtmlText.Section("Costs", List.of("Destination: Canada; Cost: $5.95.", "Destination: France.")),
                new HtmlText.Section("Notes", List.of("Loose text", "on two lines", "One", "Two"))), sections);
    }

    @Test
    void plainDecodesTitles() {
        assertEquals("Shipping & Delivery", HtmlText.plain("Shipping &amp; Delivery"));
        assertEquals("It\u2019s here", HtmlText.plain("It&#8217;s <em>here</em>"));
    }
}
