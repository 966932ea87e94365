package org.recordingrate.resample;

import org.recordingrate.format.ResultTable;
import org.recordingrate.model.Result;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import org.recordingrate.compare.MonteCarlo;
import org.recordingrate.format.Percent;
import org.recordingrate.internal.Args;
import org.recordingrate.model.Interval;

/**
 * A bootstrap estimate of a recording rate or of a change: the estimate on the data, the
 * bootstrap interval, and the bootstrap distribution's spread and bias.
 *
 * @param estimate      the statistic on the data (a rate in [0, 1], or a change in [-1, 1])
 * @param interval      the bootstrap interval, clipped to the statistic's range
 * @param method        the interval method
 * @param confidence    the two-sided confidence level
 * @param standardError the bootstrap standard error: the standard deviation of the replicates
 *                      (B - 1 denominator), or of the exact bootstrap distribution (which is the
 *                      binomial standard error sqrt(sum W<sub>h</sub>&sup2; p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>))
 * @param bias          mean of the replicates minus the estimate (0 for the exact distribution of
 *                      a rate, whose mean is the estimate)
 * @param monteCarlo    replicates and seed, with the Monte Carlo standard error of a bound
 *                      (standardError x sqrt(beta(1 - beta)/B)/phi(z_beta) at beta = alpha/2, the
 *                      normal approximation to the error of a quantile); empty for {@link BootstrapInterval#EXACT}
 * @param latticeError  for {@link BootstrapInterval#EXACT}, the bound on the error of each bound from
 *                      the lattice of the convolution (0 when it was exact); empty for Monte Carlo
 * @param notes         what a reader must be told beside the interval: a bootstrap distribution that is
 *                      degenerate or nearly so (every or almost every crime recorded, or none), with the
 *                      interval offered instead (see {@code Edge}); empty when there is nothing to say
 */
public record BootstrapEstimate(double estimate, Interval interval, BootstrapInterval method, double confidence,
                                double standardError, double bias, Optional<MonteCarlo> monteCarlo,
                                OptionalDouble latticeError, List<String> notes) implements Result {

    /**
     * Validates the components.
     *
     * @param estimate the statistic on the data (a rate in [0, 1], or a change in [-1, 1])
     * @param interval the bootstrap interval, clipped to the statistic's range
     * @param method the interval method
     * @param confidence the two-sided confidence level
     * @param standardError the bootstrap standard error: the standard deviation of the replicates
     *                      (B - 1 denominator), or of the exact bootstrap distribution (which is the
     *                      binomial standard error sqrt(sum W<sub>h</sub>&sup2; p<sub>h</sub>(1 - p<sub>h</sub>)/n<sub>h</sub>))
     * @param bias mean of the replicates minus the estimate (0 for the exact distribution of
     *             a rate, whose mean is the estimate)
     * @param monteCarlo replicates and seed, with the Monte Carlo standard error of a bound
     *                   (standardError x sqrt(beta(1 - beta)/B)/phi(z_beta) at beta = alpha/2, the
     *                   normal approximation to the error of a quantile); empty for {@link BootstrapInterval#EXACT}
     * @param latticeError for {@link BootstrapInterval#EXACT}, the bound on the error of each bound from
     *                     the lattice of the convolution (0 when it was exact); empty for Monte Carlo
     * @param notes the notes, in order (copied); empty for none
     * @throws IllegalArgumentException if a reference is null, a note is null or blank, a number is
     *                                  NaN, or exactly one of {@code monteCarlo} and {@code latticeError}
     *                                  is not present
     */
    public BootstrapEstimate {
        Args.notNull("notes", notes);
        for (String note : notes) {
            Args.notBlank("note", note);
        }
        notes = List.copyOf(notes);
        Args.notNull("interval", interval);
        Args.notNull("method", method);
        Args.notNull("monteCarlo", monteCarlo);
        Args.notNull("latticeError", latticeError);
        Args.confidence(confidence);
        Args.nonNegative("standardError", standardError);
        if (Double.isNaN(estimate) || Double.isNaN(bias)) {
            throw new IllegalArgumentException("estimate (" + estimate + ") and bias (" + bias + ") must be numbers");
        }
        if (monteCarlo.isPresent() == latticeError.isPresent()) {
            throw new IllegalArgumentException("a bootstrap estimate is either Monte Carlo or exact");
        }
    }

    /**
     * A bootstrap estimate without notes.
     *
     * @param estimate the statistic on the data
     * @param interval the bootstrap interval
     * @param method the interval method
     * @param confidence the two-sided confidence level
     * @param standardError the bootstrap standard error
     * @param bias mean of the replicates minus the estimate
     * @param monteCarlo replicates and seed with the Monte Carlo error of a bound; empty for exact
     * @param latticeError the lattice error of the exact bootstrap; empty for Monte Carlo
     * @throws IllegalArgumentException as the canonical constructor
     */
    public BootstrapEstimate(double estimate, Interval interval, BootstrapInterval method, double confidence,
                             double standardError, double bias, Optional<MonteCarlo> monteCarlo,
                             OptionalDouble latticeError) {
        this(estimate, interval, method, confidence, standardError, bias, monteCarlo, latticeError, List.of());
    }

    /**
     * The same estimate with more notes after its own.
     *
     * @param more the notes to add, in order
     * @return a new estimate
     * @throws IllegalArgumentException if {@code more} is null or holds a null or blank note
     */
    public BootstrapEstimate withNotes(List<String> more) {
        Args.notNull("notes", more);
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new BootstrapEstimate(estimate, interval, method, confidence, standardError, bias, monteCarlo,
                latticeError, all);
    }

    /**
     * The lower bound.
     *
     * @return the interval's lower bound
     */
    public double lower() {
        return interval.lower();
    }

    /**
     * The upper bound.
     *
     * @return the interval's upper bound
     */
    public double upper() {
        return interval.upper();
    }

    /**
     * z x standardError, z the two-sided normal critical value at the confidence: the "+/-" a
     * report would print beside the bootstrap standard error (not the interval's half-width).
     *
     * @return z x {@link #standardError()}, at least 0
     */
    public double margin() {
        return org.recordingrate.internal.Normal.twoSidedCritical(confidence) * standardError;
    }

    /**
     * Replicates drawn: 0 for the exact bootstrap.
     *
     * @return B, or 0 for the exact bootstrap
     */
    public long replicates() {
        return monteCarlo.map(MonteCarlo::replicates).orElse(0L);
    }

    /**
     * {@code "89.1% (95% CI 84.4% to 92.6%, bootstrap BCa, 100,000 replicates, seed 42)"}, or
     * for a change {@code "+5.4 points (...)"}.
     */
    @Override
    public String toString() {
        return toString(false);
    }

    /**
     * The same line for a change: {@code "+13.1 points (95% CI +8.3 to +17.6, bootstrap BCa, ...)"}.
     *
     * @return one line, the estimate and bounds in percentage points
     */
    public String changeSummary() {
        return toString(true);
    }

    private String toString(boolean change) {
        String level = Percent.level(confidence) + " CI";
        String value = change ? Percent.points(estimate) : Percent.format(estimate);
        String bounds = change ? Percent.range(lower(), upper())
                : Percent.format(lower()) + " to " + Percent.format(upper());
        String how = monteCarlo.map(mc -> String.format(Locale.ROOT, "%,d replicates, seed %d", mc.replicates(), mc.seed()))
                .orElseGet(() -> latticeError.getAsDouble() == 0 ? "no Monte Carlo error"
                        : String.format(Locale.ROOT, "lattice error below %.1g", latticeError.getAsDouble()));
        return value + " (" + level + " " + bounds + ", " + method.displayName() + ", " + how + ")";
    }

    /**
     * The one line, then the bias and standard error: a bootstrap estimate alone does not know
     * whether it is a rate or a change ({@link TallyBootstrap} and {@link ChangeBootstrap} do).
     *
     * @return a few lines
     */
    @Override
    public String summary() {
        return this + String.format(Locale.ROOT, "%nstandard error %.6g, bias %.3g (fractions)%n", standardError, bias)
                + Resampled.noteLines(notes);
    }

    /**
     * The estimate alone as a table ({@link ResampleColumns#ESTIMATE}): {@code estimate,lower,upper,
     * margin,se,interval,replicates,seed}, in fractions.
     *
     * @return a new table of one row
     */
    @Override
    public ResultTable table() {
        return ResampleColumns.ESTIMATE.table(this).notes(notes);
    }
}
