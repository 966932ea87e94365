package org.recordingrate.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.recordingrate.error.ArgumentException;

/**
 * The one units rule of the library, and its one message. Published figures and planning targets
 * (a margin, an expected rate, a tolerable share, a change to detect) are given in percent, as
 * they are printed ({@code 93.2}, {@code 2.5}, {@code 3} points); accessors and CSV/JSON values
 * are fractions. A call whose every figure looks like a fraction (0.932 and 0.023, or a margin of
 * 0.03 with an expected rate of 0.9) was almost surely written in fractions, so it is refused
 * with a hint that gives the figures in percent and names the way to give fractions (for the
 * rare figure truly below 1 percent).
 *
 * <p>A figure looks like a fraction when it is not 0 (0 is the same in both units) and its
 * magnitude is at most 1, or below 1 for a quantity that cannot be a whole 100 percent as a
 * fraction (a margin or a tolerable share). A call looks like fractions when at least one figure
 * does and every other figure is 0 or does too.
 *
 * <p>Not part of the API: it lives in {@code internal} because {@code reproduce} and {@code plan}
 * both apply it.
 */
public final class Units {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Units() {
    }

    /**
     * One figure of a call, given in percent.
     *
     * @param name      the argument's name, e.g. {@code "margin"}
     * @param percent   the figure as given
     * @param oneIsFraction whether 1 itself is a possible fraction of this quantity (a rate or a
     *                  change: yes; a margin or a share strictly below 1: no)
     */
    public record Figure(String name, BigDecimal percent, boolean oneIsFraction) {

        /**
         * A figure given as a double, read as the shortest decimal that prints as it.
         *
         * @param name          the argument's name
         * @param percent       the figure; not checked here for being finite (the caller's range
         *                      check does that), a non-finite figure never looks like a fraction
         * @param oneIsFraction as the record's component
         * @return the figure
         */
        public static Figure of(String name, double percent, boolean oneIsFraction) {
            return new Figure(name, Double.isFinite(percent) ? BigDecimal.valueOf(percent) : BigDecimal.valueOf(1000),
                    oneIsFraction);
        }

        boolean looksLikeFraction() {
            int against = percent.abs().compareTo(BigDecimal.ONE);
            return percent.signum() != 0 && (oneIsFraction ? against <= 0 : against < 0);
        }
    }

    /**
     * Refuses a call whose figures, meant in percent, all look like fractions (see the class
     * comment); accepts any other, leaving range checks to the caller.
     *
     * @param what         what the figures are, plural, for the message: {@code "published figures"}
     *                     or {@code "planning targets"}
     * @param fractionsWay how to give fractions instead, e.g. {@code "PublishedFigure.fromFractions,
     *                     or --units fraction on the command line"}
     * @param figures      the call's figures in percent, at least one
     * @throws ArgumentException naming the first figure's argument, with the message
     *                           {@code "rate (0.932) and margin (0.023) look like fractions, but
     *                           published figures are taken in percent: write 93.2 and 2.3; if they
     *                           are fractions, or truly below 1 percent, give them as fractions
     *                           (...)"}
     */
    public static void requirePercent(String what, String fractionsWay, Figure... figures) {
        boolean any = false;
        for (Figure figure : figures) {
            if (figure.looksLikeFraction()) {
                any = true;
            } else if (figure.percent().signum() != 0) {
                return;
            }
        }
        if (!any) {
            return;
        }
        List<String> given = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (Figure figure : figures) {
            given.add(figure.name() + " (" + figure.percent().toPlainString() + ")");
            written.add(plain(figure.percent().multiply(HUNDRED)));
        }
        boolean one = figures.length == 1;
        throw new ArgumentException(figures[0].name(), and(given) + (one ? " looks like a fraction" : " look like fractions")
                + ", but " + what + " are taken in percent: write " + and(written) + "; if "
                + (one ? "it is a fraction" : "they are fractions") + ", or truly below 1 percent, give "
                + (one ? "it as a fraction" : "them as fractions") + " (" + fractionsWay + ")");
    }

    private static String plain(BigDecimal value) {
        String text = value.stripTrailingZeros().toPlainString();
        return text.equals("0.0") ? "0" : text;
    }

    private static String and(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}
