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
     * A fraction as a percentage with one decimal: {@code format(0.93163) = "93.2%"}.
     * NaN gives {@code "n/a"}; infinities give {@code "inf"}.
     *
     * @param fraction a rate, a bound or a change as a fraction
     * @return the text
     */
    public static String format(double fraction) {
        return format(fraction, 1);
    }

    /**
     * A fraction as a percentage with {@code decimals} decimals.
     *
     * @param fraction a fraction
     * @param decimals digits after the point, 0 or more
     * @return the text, e.g. {@code "93.16%"}
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
     * A change in percentage points with its sign: {@code points(0.054) = "+5.4 points"}.
     *
     * @param change a difference of fractions
     * @return the text
     */
    public static String points(double change) {
        return Double.isNaN(change) ? "n/a" : signed(change) + " points";
    }

    /**
     * A change in percentage points with its sign and no unit: {@code signed(0.054) = "+5.4"},
     * for tables and intervals ({@code "+1.2 to +9.6"}). NaN gives {@code "n/a"}.
     *
     * @param change a difference of fractions
     * @return the text
     */
    public static String signed(double change) {
        return Double.isNaN(change) ? "n/a" : String.format(Locale.ROOT, "%+.1f", 100 * change);
    }

    /**
     * An interval for a change in points: {@code range(0.012, 0.096) = "+1.2 to +9.6"}.
     *
     * @param lower the lower bound of the change
     * @param upper the upper bound of the change
     * @return the text
     */
    public static String range(double lower, double upper) {
        return signed(lower) + " to " + signed(upper);
    }

    /**
     * A confidence level without needless decimals: 0.95 gives {@code "95%"}, 0.995 gives
     * {@code "99.5%"}.
     *
     * @param confidence in (0, 1)
     * @return the text
     */
    public static String level(double confidence) {
        String text = String.format(Locale.ROOT, "%.6f", 100 * confidence);
        text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        return text + "%";
    }

    /**
     * A p-value in a readable form: 4 significant digits, {@code "< 1e-300"} below the smallest
     * value the library resolves.
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
