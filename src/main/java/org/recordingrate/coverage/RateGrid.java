package org.recordingrate.coverage;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;

/**
 * True rates at which coverage is computed: {@code from}, {@code from + step}, ... up to {@code to}
 * (included when it falls on the grid), formed in decimal arithmetic so that 0.5:0.999:0.001 gives
 * exactly 0.5, 0.501, ..., 0.999 (no binary noise such as 0.9550000000000001). Immutable.
 */
public final class RateGrid {

    /** At most this many rates in one grid. */
    public static final int MAX_POINTS = 1_000_001;

    private final List<Double> rates;
    private final String text;

    private RateGrid(List<Double> rates, String text) {
        this.rates = Collections.unmodifiableList(rates);
        this.text = text;
    }

    /**
     * The grid {@code from, from + step, ..., <= to}, each point formed as the decimal
     * {@code from + i step} (the decimals of the doubles as written, {@link BigDecimal#valueOf(double)})
     * and then rounded once to a double.
     *
     * @param from the first rate, in [0, 1]
     * @param to   the last rate, in [from, 1]
     * @param step the distance between rates, positive; may exceed {@code to - from} (one point)
     * @return the grid
     * @throws IllegalArgumentException if a value is NaN or out of range, or the grid would hold more
     *                                  than {@value #MAX_POINTS} rates
     */
    public static RateGrid of(double from, double to, double step) {
        Args.inRange("from", from, 0, 1);
        Args.inRange("to", to, from, 1);
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new ArgumentException("step", "step (" + step + ") must be positive and finite");
        }
        BigDecimal first = BigDecimal.valueOf(from);
        BigDecimal last = BigDecimal.valueOf(to);
        BigDecimal by = BigDecimal.valueOf(step);
        BigDecimal count = last.subtract(first).divideToIntegralValue(by);
        if (count.compareTo(BigDecimal.valueOf(MAX_POINTS - 1)) > 0) {
            throw new ArgumentException("rates", "rates " + from + " to " + to + " by " + step + " would be "
                    + count.add(BigDecimal.ONE).toPlainString() + " rates; at most " + MAX_POINTS + " are allowed");
        }
        int points = count.intValueExact() + 1;
        List<Double> rates = new ArrayList<>(points);
        for (int i = 0; i < points; i++) {
            rates.add(first.add(by.multiply(BigDecimal.valueOf(i))).doubleValue());
        }
        return new RateGrid(rates, first.toPlainString() + ":" + last.toPlainString() + ":" + by.toPlainString());
    }

    /**
     * Given rates, in the order given.
     *
     * @param rates the rates, each in [0, 1]; at least one
     * @return the grid
     * @throws IllegalArgumentException if the list is null or empty, or a rate is NaN or outside [0, 1]
     */
    public static RateGrid of(List<Double> rates) {
        Args.notNull("rates", rates);
        if (rates.isEmpty() || rates.size() > MAX_POINTS) {
            throw new ArgumentException("rates", "rates must hold 1 to " + MAX_POINTS + " rates, not " + rates.size());
        }
        List<Double> copy = new ArrayList<>(rates.size());
        for (Double rate : rates) {
            Args.notNull("rate", rate);
            copy.add(Args.inRange("rate", rate, 0, 1));
        }
        return new RateGrid(copy, copy.size() + (copy.size() == 1 ? " rate" : " rates"));
    }

    /**
     * The rates, in order.
     *
     * @return an unmodifiable list
     */
    public List<Double> rates() {
        return rates;
    }

    /**
     * The number of rates.
     *
     * @return at least 1
     */
    public int size() {
        return rates.size();
    }

    /** {@code from:to:step} as given (decimals), or the number of rates of a list. */
    @Override
    public String toString() {
        return text;
    }
}
