package org.recordingrate.internal;

import org.recordingrate.error.ArgumentException;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as people write them in files and on the command line, read strictly: a plain decimal
 * such as {@code 188}, {@code -0.5}, {@code 93.2} or {@code 1.5e-3}, with optional surrounding
 * spaces, and nothing else. Java's own parsers also accept {@code 12d}, {@code 20f},
 * {@code 0x1p4}, non-ASCII digits, and silently turn {@code 1e-400} into 0 and
 * {@code 2.9999999999999999} into 3; here each of those is refused with a reason.
 *
 * <p>Not part of the API. Failures are {@link ArgumentException}s whose message is the reason
 * alone ("is not a plain decimal number"), for readers to place after the value.
 */
public final class DecimalText {

    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** Exponents beyond this are refused before BigDecimal is asked to build the number. */
    private static final int MAX_EXPONENT_DIGITS = 6;

    private DecimalText() {
    }

    /**
     * The exact decimal written.
     *
     * @param text the text, surrounding spaces allowed
     * @return the decimal
     * @throws ArgumentException with the reason when the text is blank or not a plain decimal
     */
    public static BigDecimal decimal(String text) {
        String s = text == null ? "" : text.strip();
        if (s.isEmpty()) {
            throw new ArgumentException("number", "is blank: a number is needed");
        }
        if (!DECIMAL.matcher(s).matches()) {
            throw new ArgumentException("number", "is not a plain decimal number (such as 188, 93.2 or 1.5e-3)");
        }
        int e = Math.max(s.indexOf('e'), s.indexOf('E'));
        if (e >= 0 && s.length() - e - 1 - (s.charAt(e + 1) == '+' || s.charAt(e + 1) == '-' ? 1 : 0)
                > MAX_EXPONENT_DIGITS) {
            throw new ArgumentException("number", "has an exponent too large to be a number of this kind");
        }
        return new BigDecimal(s);
    }

    /**
     * A finite double: the decimal written, rounded once. A non-zero value too small for a double
     * (below about 4.9e-324) is refused rather than read as 0, and one beyond about 1.8e308 is
     * "too large".
     *
     * @throws ArgumentException with the reason
     */
    public static double number(String text) {
        BigDecimal decimal = decimal(text);
        double value = decimal.doubleValue();
        if (Double.isInfinite(value)) {
            throw new ArgumentException("number", "is too large");
        }
        if (value == 0 && decimal.signum() != 0) {
            throw new ArgumentException("number", "is too small to be told from 0 (below 4.9e-324)");
        }
        return value;
    }

    /**
     * A whole number: an integer as written ({@code 188}, also {@code 188.0}), never a rounded
     * one ({@code 2.9999999999999999} is refused), within the range of a {@code long}.
     *
     * @throws ArgumentException with the reason ("is not a whole number", "is too large")
     */
    public static long whole(String text) {
        BigDecimal decimal;
        try {
            decimal = decimal(text);
        } catch (ArgumentException e) {
            throw e.getMessage().startsWith("is blank") ? new ArgumentException("number",
                    "is blank: a whole number is needed") : new ArgumentException("number", "is not a whole number");
        }
        BigDecimal integral = decimal.stripTrailingZeros();
        if (integral.scale() > 0) {
            throw new ArgumentException("number", "is not a whole number");
        }
        if (integral.precision() - integral.scale() > 19 || integral.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ArgumentException("number", "is too large (at most " + Long.MAX_VALUE + ")");
        }
        return integral.longValueExact();
    }

    /**
     * The text with control characters shown as {@code \}{@code uXXXX}, for messages that quote a bad value.
     *
     * @param text any text
     * @return printable text
     */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
