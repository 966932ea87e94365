package org.recordingrate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.recordingrate.error.ArgumentException;

/**
 * The one reader of numbers written as text (command-line options, CSV cells): ASCII digits only,
 * as {@code Tally.parse}. Java's {@code Long.parseLong}, {@code Double.parseDouble} and
 * {@code new BigDecimal(String)} take other scripts' digits; these are refused here.
 */
class DecimalTextTest {

    /** Digits of other scripts, each for "188": Arabic-Indic, Persian, Devanagari, fullwidth, Bengali. */
    private static final String[] FOREIGN_188 = {"\u0661\u0668\u0668", "\u06F1\u06F8\u06F8", "\u0967\u096E\u096E",
        "\uFF11\uFF18\uFF18", "\u09E7\u09EE\u09EE"};

    @Test
    void onlyAsciiDigitsAreNumbers() {
        for (String digits : FOREIGN_188) {
            // what Java itself does with them: a number
            assertEquals(188, Long.parseLong(digits));
            for (String text : new String[] {digits, digits + ".5", "1" + digits, digits + "e2", " " + digits + " "}) {
                assertThrows(ArgumentException.class, () -> DecimalText.whole(text), text);
                assertThrows(ArgumentException.class, () -> DecimalText.number(text), text);
                assertThrows(ArgumentException.class, () -> DecimalText.decimal(text), text);
            }
        }
        assertEquals(188, DecimalText.whole(" 188 "));
        assertEquals(93.2, DecimalText.number("93.2"));
        assertEquals(new BigDecimal("1.5e-3"), DecimalText.decimal("1.5e-3"));
    }
}
