package org.recordingrate.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ReportText}: the plain form of a report's text and the lines and blocks it remembers. The expected
 * strings and indices are worked out by hand from the class comment's rules (every run of white space one
 * space; a word hyphenated at a line end joined; typographic forms read as plain ones; a repeated word read
 * once; a line is counted after {@code \n}, {@code \r\n} or a lone {@code \r}).
 */
class ReportTextTest {

    @Test
    void aWordHyphenatedAtALineEndIsJoinedAndOnlyThere() {
        assertEquals("statistically sound", ReportText.of("statisti-\ncally sound").text());
        assertEquals("statistically", ReportText.of("statisti\u2212\r\ncally").text(), "a minus sign and CRLF");
        assertEquals("statistically", ReportText.of("statisti\u2010 \n\n  cally").text(), "spaces and a blank line");
        assertEquals("statistically", ReportText.of("statis\u00ADtically").text(), "a soft hyphen dropped");
        assertEquals("statisti- cally", ReportText.of("statisti- cally").text(), "no line end: kept");
        assertEquals("statisti- Cally", ReportText.of("statisti-\nCally").text(), "a capital after: kept");
        assertEquals("well-known", ReportText.of("well-known").text(), "no space: kept");
        assertEquals("a - b", ReportText.of("a -\nb").text(), "not after a letter: kept");
        assertEquals("- cally", ReportText.of("-\ncally").text(), "a hyphen first: kept");
        assertEquals("word- ", ReportText.of("word-\n").text(), "a hyphen at the end: kept");
        assertEquals("word-", ReportText.of("word-").text());
    }

    @Test
    void typographicFormsReadAsPlainOnesAndWhiteSpaceAsOneSpace() {
        assertEquals("90.3% +/- 2.1", ReportText.of("90.3%\u00A0\u00B1\u20092.1").text());
        assertEquals("\"it's\" - 'fine' fi fl", ReportText.of("\u201Cit\u02BCs\u201D \u2212 \u2018fine\u2019 \uFB01 \uFB02").text());
        assertEquals("a b c ", ReportText.of("a\t\u200Bb\uFEFF\n\r\nc \n").text());
        assertEquals("x", ReportText.of("   x").text(), "no leading space");
        // more characters out than in (each "+/-" is three): the origin table grows, also at a space
        assertEquals("+/- ", ReportText.of("\u00B1 ").text());
        assertEquals("+/-+/-+/- +/-", ReportText.of("\u00B1\u00B1\u00B1 \u00B1").text());
        assertEquals("", ReportText.of("").text());
    }

    @Test
    void aRepeatedWordIsReadOnce() {
        assertEquals("it was found that the rate", ReportText.of("it was found that that the rate").text());
        assertEquals("The rate", ReportText.of("The the rate").text(), "case ignored, the first kept");
        assertEquals("a b a b", ReportText.of("a b a b").text(), "not adjacent: kept");
        assertEquals("that the", ReportText.of("that that the the").text(), "each pair once");
    }

    @Test
    void linesAreCountedAfterEveryKindOfLineEnd() {
        ReportText text = ReportText.of("a\r\nb\rc\nd");
        assertEquals("a b c d", text.text());
        long[] expected = {1, 1, 2, 2, 3, 3, 4};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], text.line(i), "line of plain index " + i);
        }
        assertEquals(4, text.line(100), "past the end: the last");
        assertEquals(1, text.line(-5), "before the start: the first");
        assertEquals(1, ReportText.of("").line(0));
        // after a repeated word is dropped, the rest still knows its line
        ReportText repeated = ReportText.of("that\nthat the\nrate");
        assertEquals("that the rate", repeated.text());
        assertEquals(2, repeated.line(5), "'the' on line 2");
        assertEquals(3, repeated.line(9), "'rate' on line 3");
        assertEquals(3, ReportText.of("x\r\ry").line(2), "two lone CRs: y on line 3");
    }

    @Test
    void blocksStartAfterABlankLineAndAfterAHeading() {
        ReportText text = ReportText.of("Title line\nThe rate is 90%.\n\nSecond para.\nMore text\n");
        assertEquals("Title line The rate is 90%. Second para. More text ", text.text());
        assertEquals(List.of(0, 11, 28), text.blockStarts());
        // a heading on the last but one line, the text after it the last line
        assertEquals(List.of(0, 8), ReportText.of("Heading\nText follows").blockStarts());
        // not a heading: ends in punctuation, followed by a small letter, or followed by nothing
        assertEquals(List.of(0), ReportText.of("Findings:\nThe rate").blockStarts());
        assertEquals(List.of(0), ReportText.of("Heading\nlower case").blockStarts());
        assertEquals(List.of(0), ReportText.of("Heading").blockStarts());
        assertEquals(List.of(0), ReportText.of("Heading\n\n").blockStarts());
        // a heading of exactly 60 characters counts; 61 do not
        String sixty = "H" + "x".repeat(59);
        assertEquals(List.of(0, 61), ReportText.of(sixty + "\nText").blockStarts());
        assertEquals(List.of(0), ReportText.of(sixty + "x\nText").blockStarts());
        // a second line is not a heading (no blank line above it)
        assertEquals(List.of(0), ReportText.of("First line.\nHeading\nText").blockStarts());
    }
}
