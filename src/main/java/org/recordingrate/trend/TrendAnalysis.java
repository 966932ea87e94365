package org.recordingrate.trend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.math3.special.Gamma;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.Args;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Tally;
import org.recordingrate.reproduce.PublishedFigure;

/**
 * Trends across inspections, configured once: the level of the slope's interval, the significance
 * level of the sentence, the unit of time, and the method (by default the one the figures call for:
 * {@link TrendMethod#COCHRAN_ARMITAGE} when every inspection gives a tally, else
 * {@link TrendMethod#FIXED_EFFECT}). Immutable and thread-safe. See {@link Trend} for the formulas.
 *
 * <pre>{@code
 * TrendAnalysis.of(new double[] {2014, 2017, 2022}, Tally.of(150, 200), Tally.of(170, 205), Tally.of(188, 202))
 * TrendAnalysis.of(new double[] {2014, 2017, 2022}, PublishedFigure.fromPercent(80.0, 3.1), ...)
 * TrendAnalysis.withDefaults().withConfidence(0.9).about("Northshire", "violence").trend(observations)
 * }</pre>
 */
public final class TrendAnalysis {

    private static final TrendAnalysis DEFAULTS = new TrendAnalysis(Optional.empty(), 0.95, 0.05, "year",
            Optional.empty(), Optional.empty());

    private final Optional<TrendMethod> method;
    private final double confidence;
    private final double significance;
    private final String unit;
    private final Optional<String> force;
    private final Optional<String> category;

    private TrendAnalysis(Optional<TrendMethod> method, double confidence, double significance, String unit,
                          Optional<String> force, Optional<String> category) {
        this.method = method;
        this.confidence = Args.confidence(confidence);
        this.significance = Args.significance(significance);
        this.unit = Args.notBlank("unit", unit);
        this.force = force;
        this.category = category;
    }

    /**
     * The method the figures call for, 95% intervals, 5% significance, per year, no names.
     *
     * @return the default configuration
     */
    public static TrendAnalysis withDefaults() {
        return DEFAULTS;
    }

    /**
     * With a fixed method: {@link TrendMethod#FIXED_EFFECT} also takes tallies (each with its Wald
     * variance p(1 - p)/n, so no rate may be 0 or 1); {@link TrendMethod#COCHRAN_ARMITAGE} takes only tallies.
     *
     * @param other the method
     * @return the new configuration
     * @throws IllegalArgumentException if null
     */
    public TrendAnalysis with(TrendMethod other) {
        return new TrendAnalysis(Optional.of(Args.notNull("method", other)), confidence, significance, unit, force,
                category);
    }

    /**
     * With another level for the slope's interval.
     *
     * @param level two-sided, 1e-6 to 1 - 1e-9 (0.95, not 95)
     * @return the new configuration
     * @throws IllegalArgumentException if out of range
     */
    public TrendAnalysis withConfidence(double level) {
        return new TrendAnalysis(method, level, significance, unit, force, category);
    }

    /**
     * With another significance level for the sentence's verdict.
     *
     * @param level in (0, 1), e.g. 0.05
     * @return the new configuration
     * @throws IllegalArgumentException if out of range
     */
    public TrendAnalysis withSignificance(double level) {
        return new TrendAnalysis(method, confidence, level, unit, force, category);
    }

    /**
     * With another unit of time for the sentence ("points a month", "points per inspection cycle").
     *
     * @param name the unit as the sentence says it, e.g. {@code "year"} (the default)
     * @return the new configuration
     * @throws IllegalArgumentException if blank
     */
    public TrendAnalysis withUnit(String name) {
        return new TrendAnalysis(method, confidence, significance, name, force, category);
    }

    /**
     * With the names the results and sentences carry.
     *
     * @param forceName    the force, e.g. {@code "Northshire"}; null for none ("The force's")
     * @param categoryName the category, e.g. {@code "violence"} or {@code "all crime"}; null for none
     * @return the new configuration
     */
    public TrendAnalysis about(String forceName, String categoryName) {
        return new TrendAnalysis(method, confidence, significance, unit, optional(forceName), optional(categoryName));
    }

    private static Optional<String> optional(String name) {
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(name.strip());
    }

    /**
     * The trend of tallies at times, with the defaults, in one call:
     * {@code TrendAnalysis.of(new double[] {2014, 2017, 2022}, Tally.of(150, 200), Tally.of(170, 205), Tally.of(188, 202))}.
     *
     * @param times   the inspections' times, as many as tallies
     * @param tallies the tallies, at least three
     * @return the Cochran-Armitage trend
     * @throws IllegalArgumentException as {@link #trend(List)}, or if the arrays' lengths differ
     */
    public static Trend of(double[] times, Tally... tallies) {
        Args.notNull("times", times);
        Args.notNull("tallies", tallies);
        sameLength(times, tallies.length);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            observations.add(Observation.of(times[i], tallies[i]));
        }
        return DEFAULTS.trend(observations);
    }

    /**
     * The trend of published figures at times, with the defaults, in one call.
     *
     * @param times   the inspections' times, as many as figures
     * @param figures the figures, at least three
     * @return the fixed-effect meta-regression
     * @throws IllegalArgumentException as {@link #trend(List)}, or if the arrays' lengths differ
     */
    public static Trend of(double[] times, PublishedFigure... figures) {
        Args.notNull("times", times);
        Args.notNull("figures", figures);
        sameLength(times, figures.length);
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < times.length; i++) {
            observations.add(Observation.of(times[i], figures[i]));
        }
        return DEFAULTS.trend(observations);
    }

    private static void sameLength(double[] times, int count) {
        if (times.length != count) {
            throw new ArgumentException("times", "times (" + times.length + ") and figures (" + count
                    + ") must be as many");
        }
    }

    /**
     * The trend of these inspections.
     *
     * @param observations at least three, at distinct times, in any order (sorted by time here)
     * @return the trend
     * @throws IllegalArgumentException for a null list or element, fewer than three inspections, two at the
     *                                  same time, {@link TrendMethod#COCHRAN_ARMITAGE} asked of inspections
     *                                  without tallies, or {@link TrendMethod#FIXED_EFFECT} given a standard
     *                                  error of 0
     */
    public Trend trend(List<Observation> observations) {
        Args.notNull("observations", observations);
        List<Observation> sorted = new ArrayList<>();
        for (Observation o : observations) {
            sorted.add(Args.notNull("observation", o));
        }
        sorted.sort(Comparator.comparingDouble(Observation::time));
        String what = force.map(f -> f + ", ").orElse("") + category.orElse("the series");
        if (sorted.size() < 3) {
            throw new ArgumentException("observations", what + ": a trend needs three or more inspections, not "
                    + sorted.size() + " (compare two inspections with compare or reproduce)");
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).time() == sorted.get(i - 1).time()) {
                throw new ArgumentException("time", what + ": two inspections at time " + sorted.get(i).label()
                        + " (each inspection needs its own time)");
            }
        }
        boolean tallies = sorted.stream().allMatch(o -> o.tally().isPresent());
        TrendMethod chosen = method.orElse(tallies ? TrendMethod.COCHRAN_ARMITAGE : TrendMethod.FIXED_EFFECT);
        if (chosen == TrendMethod.COCHRAN_ARMITAGE) {
            if (!tallies) {
                throw new ArgumentException("method", what + ": cochran_armitage needs a tally at every inspection"
                        + " (published figures take fixed_effect)");
            }
            return cochranArmitage(sorted);
        }
        return fixedEffect(sorted, what);
    }

    /**
     * The trend of every series a file gave ({@link TrendFile}), each named by its force and category. A
     * method fixed to {@link TrendMethod#COCHRAN_ARMITAGE} applies to the series of tallies; the others (all
     * crime, published figures) take {@link TrendMethod#FIXED_EFFECT}.
     *
     * @param read the series
     * @return the trends, a row per series
     * @throws IllegalArgumentException as {@link #trend(List)} for a series, the message naming it; or a null
     *                                  argument
     */
    public Trends trends(TrendFile.Read read) {
        Args.notNull("read", read);
        List<List<String>> keys = new ArrayList<>();
        List<Trend> trends = new ArrayList<>();
        for (TrendFile.Series series : read.series()) {
            keys.add(series.key());
            TrendAnalysis named = about(series.force().orElse(null), series.category().orElse(null));
            boolean tallies = series.observations().stream().allMatch(o -> o.tally().isPresent());
            // a method chosen for tallies leaves the series without tallies (all crime, figures) to theirs
            if (!tallies && method.isPresent() && method.get() == TrendMethod.COCHRAN_ARMITAGE) {
                named = new TrendAnalysis(Optional.empty(), confidence, significance, unit, named.force, named.category);
            }
            trends.add(named.trend(series.observations()));
        }
        return new Trends(read.columns(), keys, trends, read.notes());
    }

    private Trend cochranArmitage(List<Observation> sorted) {
        int k = sorted.size();
        double total = 0;
        double recorded = 0;
        double timeSum = 0;
        for (Observation o : sorted) {
            Tally t = o.tally().orElseThrow();
            total += t.audited();
            recorded += t.recorded();
            timeSum += t.audited() * o.time();
        }
        double pBar = recorded / total;
        double tBar = timeSum / total;
        double sxx = 0;
        double cross = 0;
        double slopeVariance = 0;
        double centreVariance = 0;
        double covariance = 0;
        double pearson = 0;
        for (Observation o : sorted) {
            Tally t = o.tally().orElseThrow();
            double d = o.time() - tBar;
            double n = t.audited();
            double p = t.rate();
            sxx += n * d * d;
            cross += n * (p - pBar) * d;
            double binomial = n * p * (1 - p);
            slopeVariance += d * d * binomial;
            centreVariance += binomial;
            covariance += d * binomial;
            pearson += n * (p - pBar) * (p - pBar);
        }
        double slope = cross / sxx;
        double se = Math.sqrt(slopeVariance) / sxx;
        double spread = pBar * (1 - pBar);
        double chiSquare = spread > 0 ? cross * cross / (spread * sxx) : Double.NaN;
        double z = Math.signum(cross) * Math.sqrt(chiSquare);
        double p = Normal.twoSidedTail(z);
        double residual = spread > 0 ? Math.max(0, pearson / spread - chiSquare) : Double.NaN;
        return result(TrendMethod.COCHRAN_ARMITAGE, sorted, slope, se, z, chiSquare, p, residual, k - 2, tBar, pBar,
                centreVariance / (total * total), covariance / (total * sxx));
    }

    private Trend fixedEffect(List<Observation> sorted, String what) {
        int k = sorted.size();
        double weightSum = 0;
        double timeSum = 0;
        double rateSum = 0;
        for (Observation o : sorted) {
            if (!(o.standardError() > 0)) {
                throw new ArgumentException("standard error", what + ": the inspection at " + o.label()
                        + " has a standard error of 0 (a rate of 0 or 100%), which a fixed-effect meta-regression"
                        + " cannot weigh");
            }
            double w = 1 / (o.standardError() * o.standardError());
            weightSum += w;
            timeSum += w * o.time();
            rateSum += w * o.rate();
        }
        double tBar = timeSum / weightSum;
        double yBar = rateSum / weightSum;
        double sxx = 0;
        double sxy = 0;
        for (Observation o : sorted) {
            double w = 1 / (o.standardError() * o.standardError());
            double d = o.time() - tBar;
            sxx += w * d * d;
            sxy += w * d * (o.rate() - yBar);
        }
        double slope = sxy / sxx;
        double se = 1 / Math.sqrt(sxx);
        double z = slope / se;
        double residual = 0;
        for (Observation o : sorted) {
            double w = 1 / (o.standardError() * o.standardError());
            double e = o.rate() - yBar - slope * (o.time() - tBar);
            residual += w * e * e;
        }
        return result(TrendMethod.FIXED_EFFECT, sorted, slope, se, z, z * z, Normal.twoSidedTail(z), residual, k - 2,
                tBar, yBar, 1 / weightSum, 0);
    }

    private Trend result(TrendMethod chosen, List<Observation> sorted, double slope, double se, double z,
                         double chiSquare, double p, double residual, int df, double centreTime, double centreRate,
                         double centreVariance, double covariance) {
        double half = Normal.twoSidedCritical(confidence) * se;
        double residualP = Double.isNaN(residual) ? Double.NaN : Gamma.regularizedGammaQ(df / 2.0, residual / 2);
        return new Trend(force, category, chosen, sorted, confidence, significance, unit, slope, se, slope - half,
                slope + half, z, chiSquare, p, residual, df, residualP, centreTime, centreRate, centreVariance,
                covariance);
    }

    /** {@code "TrendAnalysis(method by figures, 95%, 5% significance, per year)"}. */
    @Override
    public String toString() {
        return "TrendAnalysis(" + method.map(m -> m.displayName()).orElse("method by figures") + ", "
                + org.recordingrate.format.Percent.level(confidence) + ", "
                + org.recordingrate.format.Percent.level(significance) + " significance, per " + unit + ")";
    }
}
