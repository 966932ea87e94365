package org.recordingrate.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * {@link Tally#parse}: the tally as written on the command line ({@code --previous 512/640},
 * {@code compare --before 188/202}), in the ASCII digits 0 to 9 only.
 */
class TallyParseTest {

    @Test
    void asciiTalliesAreRead() {
        assertEquals(Tally.of(188, 202), Tally.parse("188/202"));
        assertEquals(Tally.of(188, 202), Tally.parse(" 188 / 202 "));
        assertEquals(Tally.of(188, 202), Tally.parse("188 of 202"));
        assertEquals(Tally.of(0, 1), Tally.parse("0/1"));
        assertEquals(Tally.of(9_007_199_254_740_992L, 9_007_199_254_740_992L),
                Tally.parse("9007199254740992/9007199254740992"));
    }

    /**
     * Issue 16: {@code Tally.parse("١٨٨/٢٠٢")} was read as 188/202 (Java's Long.parseLong takes any
     * script's digits). Every script's digits that Long.parseLong would take are refused, one of
     * each kind written here by its code points.
     */
    @Test
    void digitsOfOtherScriptsAreRefused() {
        String[] texts = {
            "\u0661\u0668\u0668/\u0662\u0660\u0662",          // Arabic-Indic ١٨٨/٢٠٢
            "\u06F1\u06F8\u06F8/\u06F2\u06F0\u06F2",          // extended Arabic-Indic (Persian)
            "\u0967\u096E\u096E/202",                        // Devanagari
            "\uFF11\uFF18\uFF18/\uFF12\uFF10\uFF12",          // fullwidth １８８/２０２
            "188/\u0662\u0660\u0662",                         // mixed
            "\u0665\u0661\u0662/\u0666\u0664\u0660",          // the probe's --previous ٥١٢/٦٤٠
            "\uD835\uDFCF\uD835\uDFD6\uD835\uDFD6/202",       // mathematical bold digits
        };
        // what Java's own parser makes of the first: 188
        assertEquals(188, Long.parseLong("\u0661\u0668\u0668"));
        for (String text : texts) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> Tally.parse(text), text);
            assertEquals("tally", e.argument());
            assertTrue(e.getMessage().contains("digits 0 to 9"), e.getMessage());
        }
    }

    @Test
    void otherMalformedTalliesAreRefusedNamingTheText() {
        for (String text : new String[] {"188-202", "a/b", "188/", "/202", "188/202/3", "-1/5", "+188/202", "1e2/202",
            "188.0/202", "188 / 202 of 300", "188of202", "188\u00A0/\u00A0202", "188 OF 202"}) {
            ArgumentException e = assertThrows(ArgumentException.class, () -> Tally.parse(text), text);
            assertTrue(e.getMessage().contains("('" + text + "')"), e.getMessage());
        }
        ArgumentException e = assertThrows(ArgumentException.class, () -> Tally.parse("1/99999999999999999999"));
        assertEquals("audited", e.argument());
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
        e = assertThrows(ArgumentException.class, () -> Tally.parse("205/202"));
        assertTrue(e.getMessage().contains("recorded (205) must not exceed audited (202)"), e.getMessage());
    }
}
