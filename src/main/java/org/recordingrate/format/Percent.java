package org.recordingrate.format;

import java.util.Locale;

/**
 * Formats fractions as the inspectors write them: {@code 0.9316 -> "93.2%"}. Text output shows
 * percent; CSV and JSON keep fractions in full precision.
 */
public final class Percent {

    private Percent() {
    }

    /**
     * A fraction as a percentage with one decimal: {@code format(0.93163) = "93.2%"}, rounded half
     * up on the decimal value of 100 x fraction ({@link java.util.Formatter}, root locale).
     * NaN gives {@code "n/a"}; infinities give {@code "inf"} and {@code "-inf"}. Tiny negative
     * fractions show as {@code "-0.0%"}.
     *
     * @param fraction a rate, a bound or a change as a fraction (0.932, not 93.2)
     * @return the text
     */
    public static String format(double fraction) {
        return format(fraction, 1);
    }

    /**
     * A fraction as a percentage with {@code decimals} decimals: {@code format(0.93163, 2) = "93.16%"}.
     * NaN and infinities as {@link #format(double)}.
     *
     * @param fraction a fraction (0.932, not 93.2)
     * @param decimals digits after the point, 0 or more
     * @return the text, e.g. {@code "93.16%"}
     * @throws IllegalArgumentException (a {@link java.util.IllegalFormatException}) if {@code decimals}
     *                                  is negative and the fraction is finite
     */
    public static String format(double fraction, int decimals) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        if (Double.isInfinite(fraction)) {
            return fraction > 0 ? "inf" : "-inf";
        }
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * fraction);
    }

    /**
     * A change in percentage points with its sign: {@code points(0.054) = "+5.4 points"}, one
     * decimal as {@link #signed(double)}.
     *
     * @param change a difference of fractions (0.054 for 5.4 points)
     * @return the text; {@code "n/a"} for NaN, {@code "+Infinity points"} for an infinite change
     */
    public static String points(double change) {
        return Double.isNaN(change) ? "n/a" : signed(change) + " points";
    }

    /**
     * A change in percentage points with its sign and no unit: {@code signed(0.054) = "+5.4"},
     * for tables and intervals ({@code "+1.2 to +9.6"}). NaN gives {@code "n/a"}; a change that
     * rounds to zero keeps its sign ({@code "+0.0"}, {@code "-0.0"}).
     *
     * @param change a difference of fractions (0.054 for 5.4 points)
     * @return the text: 100 x change with one decimal and an explicit sign
     */
    public static String signed(double change) {
        return Double.isNaN(change) ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * change);
    }

    /**
     * A margin ("+/-", a half-width) in percentage points, the unit named:
     * {@code plusMinus(0.0300, 2) = "+/- 3.00 points"}. NaN gives {@code "+/- n/a"}.
     *
     * @param margin   the half-width as a fraction (0.03 for 3 points)
     * @param decimals digits after the point, 0 or more
     * @return the text
     */
    public static String plusMinus(double margin, int decimals) {
        return Double.isNaN(margin) ? "+/- n/a" : String.format(Locale.ROOT, "+/- %." + decimals + "f points", 100 * margin);
    }

    /**
     * An interval for a change in points: {@code range(0.012, 0.096) = "+1.2 to +9.6"}.
     *
     * @param lower the lower bound of the change, a fraction
     * @param upper the upper bound of the change, a fraction
     * @return the text, each bound as {@link #signed(double)} (so a NaN bound shows as {@code "n/a"})
     */
    public static String range(double lower, double upper) {
        return signed(lower) + " to " + signed(upper);
    }

    /**
     * A confidence level without needless decimals: 0.95 gives {@code "95%"}, 0.995 gives
     * {@code "99.5%"}. The percentage is rounded to six decimals before trailing zeros are dropped, so
     * levels from 0.9999995 up (such as the supported maximum 1 - 10<sup>-9</sup>) show as
     * {@code "100%"}. Not validated: NaN gives {@code "NaN%"}.
     *
     * @param confidence in (0, 1), as a fraction (0.95, not 95)
     * @return the text
     */
    public static String level(double confidence) {
        // 12 significant digits keep 0.999999999 from printing as 100% and drop binary noise (0.95 -> 95)
        String text = new java.math.BigDecimal(100 * confidence).round(new java.math.MathContext(12))
                .stripTrailingZeros().toPlainString();
        return text + "%";
    }

    /**
     * A p-value in a readable form: four decimals from 0.001 up ({@code "0.0012"}, {@code "0.5000"}),
     * three significant digits below ({@code "0.000123"}, {@code "1.23e-05"}), and {@code "< 1e-300"}
     * for exactly 0, a p-value that underflowed. NaN gives {@code "n/a"}. Not validated: a value
     * outside [0, 1] is formatted as it is.
     *
     * @param p a probability
     * @return the text
     */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "n/a";
        }
        if (p == 0) {
            return "< 1e-300";
        }
        if (p >= 0.001) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
        return String.format(Locale.ROOT, "%.3g", p);
    }
}
