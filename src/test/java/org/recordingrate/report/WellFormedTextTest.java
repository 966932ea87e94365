package org.recordingrate.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.recordingrate.compare.Comparison;
import org.recordingrate.model.Inspection;
import org.w3c.dom.Document;

/**
 * Issue 16: the funnel SVG was not well-formed with U+FFFF in a title or highlight. Every SVG the
 * report package writes (funnel, forest) is parsed here with the JDK's XML parser, and the HTML
 * report is checked for characters XML 1.0 and HTML forbid, with names and titles full of awkward
 * characters: U+FFFF, U+FFFE, unpaired surrogates, NUL and other controls, C1 controls, markup
 * characters, "]]>", an emoji (a surrogate pair, which must survive) and noncharacters.
 */
class WellFormedTextTest {

    /** Awkward texts, each a title, a highlighted force's name and a category name below. */
    private static final String[] AWKWARD = {
        "Force \uFFFF one",
        "\uFFFE\uFFFF",
        "lone \uD800 high and \uDC00 low, reversed \uDC00\uD800",
        "nul \u0000 bell \u0007 escape \u001B unit \u001F cr \r lf \n tab \t",
        "c1 \u007F \u0085 \u009F line sep \u2028 para sep \u2029 bom \uFEFF",
        "markup <b>&amp;</b> \"quoted\" 'single' ]]> <!-- --> <?pi?>",
        "emoji \uD83D\uDE00 and noncharacters \uFDD0 \uD83F\uDFFE",
    };

    private static Inspection force(String name, long recorded, long audited) {
        return Inspection.builder(name).category("violence", recorded, audited, 25_000)
                .category("other crime", recorded + 10, audited + 12, 35_000).build();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void funnelAndForestPlotsAreWellFormedXmlForAnyText() throws Exception {
        for (String text : AWKWARD) {
            List<Inspection> forces = new ArrayList<>();
            forces.add(force(text, 180, 202));
            for (int i = 0; i < 6; i++) {
                forces.add(force("force " + i, 170 + 3 * i, 200 + i));
            }
            String funnel = FunnelPlot.of(forces).highlight(text).withTitle(text).svg();
            Document document = parse(funnel);
            assertEquals("svg", document.getDocumentElement().getLocalName(), text);
            String title = document.getElementsByTagName("title").item(0).getTextContent();
            if (text.contains("\uD83D\uDE00")) {
                assertTrue(title.contains("\uD83D\uDE00"), "a surrogate pair is kept: " + title);
            }
            assertTrue(allAllowed(funnel), text);
            // the category as the default title
            String category = FunnelPlot.of(forces).category("violence").highlight(text).svg();
            parse(category);

            Inspection before = Inspection.builder("2017").category(text, 160, 200, 25_000)
                    .category("other crime", 190, 210, 35_000).build();
            Inspection after = Inspection.builder("2022").category(text, 180, 202, 25_000)
                    .category("other crime", 200, 212, 35_000).build();
            String forest = ForestPlot.of(Comparison.withDefaults().compare(before, after)).withTitle(text).svg();
            parse(forest);
            assertTrue(allAllowed(forest), text);

            String html = Report.of(before, after).force(text).html();
            assertTrue(allAllowed(html), "the HTML report: " + text);
            // its inline SVG, on its own, parses too
            parse(html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6));
        }
    }

    @Test
    void escapeKeepsWhatIsAllowedAndReplacesTheRest() {
        assertEquals("a &amp; b &lt; c &gt; d &quot;e&quot; 'f'", SvgCanvas.escape("a & b < c > d \"e\" 'f'"));
        assertEquals("\uFFFD\uFFFD x \uFFFD", SvgCanvas.escape("\uFFFE\uFFFF x \uD800"));
        assertEquals("   \t\n", SvgCanvas.escape("\u0000\r\u0085\t\n"));
        assertEquals("\uD83D\uDE00 \u00E9 \u4E2D", SvgCanvas.escape("\uD83D\uDE00 \u00E9 \u4E2D"));
        assertEquals("\uFFFD", SvgCanvas.escape("\uD83F\uDFFF"));   // U+1FFFF, a noncharacter
    }

    /**
     * Whether every character is one XML 1.0 allows (section 2.2) and not a C1 control or a
     * noncharacter (HTML's parse errors): written from the productions, independently of escape.
     */
    private static boolean allAllowed(String text) {
        return text.codePoints().allMatch(c -> (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
                && !(c >= 0x7F && c <= 0x9F) && !(c >= 0xFDD0 && c <= 0xFDEF) && (c & 0xFFFE) != 0xFFFE);
    }
}
