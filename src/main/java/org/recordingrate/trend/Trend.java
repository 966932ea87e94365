package org.recordingrate.trend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;

/**
 * The trend of one force's recording rate in one category (or all crime) across three or more
 * inspections: the slope in rate per unit of time (per year by default) with its interval, a test
 * that the slope is 0, and the departure of the rates from a straight line. The result of
 * {@link TrendAnalysis}.
 *
 * <p><b>Tallies ({@link TrendMethod#COCHRAN_ARMITAGE}).</b> With x<sub>i</sub> of n<sub>i</sub> recorded
 * at time t<sub>i</sub>, N = sum n<sub>i</sub>, p&#772; = sum x<sub>i</sub> / N and t&#772; = sum
 * n<sub>i</sub> t<sub>i</sub> / N:
 * <ul>
 *   <li>the slope b = sum n<sub>i</sub> (p<sub>i</sub> - p&#772;)(t<sub>i</sub> - t&#772;) / S, S = sum n<sub>i</sub> (t<sub>i</sub> -
 *       t&#772;)<sup>2</sup>: the least-squares line through the rates weighted by the audited counts,
 *       the same as the line through every audited record's outcome (0 or 1) against its inspection's
 *       time (Armitage 1955, "Tests for linear trends in proportions and frequencies", Biometrics 11,
 *       375-386; Agresti 2013, "Categorical Data Analysis", 3rd ed., section 5.3.5);</li>
 *   <li>the test: chi<sup>2</sup> = b<sup>2</sup> S / (p&#772;(1 - p&#772;)) on 1 degree of freedom,
 *       {@code z} its signed root: exactly R's {@code prop.trend.test(x, n, score = time)};</li>
 *   <li>the slope's standard error without assuming no trend, sqrt(sum n<sub>i</sub> (t<sub>i</sub> -
 *       t&#772;)<sup>2</sup> p<sub>i</sub>(1 - p<sub>i</sub>)) / S, the variance of the linear estimator b
 *       with each inspection's own binomial variance (as a sandwich estimator would give it for the
 *       grouped data); the interval b &plusmn; z<sub>1-alpha/2</sub> se. The test's variance (under no
 *       trend) and this one differ, so near the edge of significance the test and the interval may
 *       disagree: a note then says so;</li>
 *   <li>the departure from a straight line: Pearson's chi<sup>2</sup> for equal rates minus the trend's,
 *       on k - 2 degrees of freedom (Armitage 1955), R's {@code prop.test(x, n)$statistic -
 *       prop.trend.test(x, n, time)$statistic}.</li>
 * </ul>
 * When every audited crime was recorded at every inspection (or none), p&#772;(1 - p&#772;) = 0 and the test
 * is undefined ({@code NaN}, as R gives); the slope is 0.
 *
 * <p><b>Estimates ({@link TrendMethod#FIXED_EFFECT}).</b> With rates y<sub>i</sub> and standard errors
 * s<sub>i</sub> (a published margin / z), weights w<sub>i</sub> = 1/s<sub>i</sub><sup>2</sup>: the weighted
 * least-squares slope b = sum w<sub>i</sub> (t<sub>i</sub> - t&#772;<sub>w</sub>)(y<sub>i</sub> -
 * y&#772;<sub>w</sub>) / sum w<sub>i</sub> (t<sub>i</sub> - t&#772;<sub>w</sub>)<sup>2</sup>, se =
 * (sum w<sub>i</sub> (t<sub>i</sub> - t&#772;<sub>w</sub>)<sup>2</sup>)<sup>-1/2</sup>, z = b / se, two-sided
 * normal p-value, interval b &plusmn; z<sub>1-alpha/2</sub> se, and the residual heterogeneity
 * Q<sub>E</sub> = sum w<sub>i</sub> (y<sub>i</sub> - fitted<sub>i</sub>)<sup>2</sup> on k - 2 degrees of
 * freedom: exactly metafor's {@code rma(yi, vi, mods = ~ time, method = "FE")} (Viechtbauer 2010,
 * J. Stat. Softw. 36(3)), its {@code b[2], se[2], ci.lb[2], ci.ub[2], zval[2], pval[2], QE, QEp}.
 *
 * @param force             the force, when the series names one
 * @param category          the category, when the series names one ("all crime" for the combined rate)
 * @param method            how the trend was estimated
 * @param observations      the inspections, in time order
 * @param confidence        the level of the slope's interval
 * @param significance      the level at which the sentence calls the trend significant
 * @param unit              the unit of time, as the sentence names it ("year")
 * @param slope             the change in rate per unit of time, a fraction (0.021 for 2.1 points a year)
 * @param standardError     its standard error
 * @param lower             the interval's lower bound
 * @param upper             the interval's upper bound
 * @param z                 the test statistic, signed (positive for an improving trend)
 * @param chiSquare         z<sup>2</sup>, on 1 degree of freedom
 * @param pValue            the two-sided p-value of the test of no trend
 * @param residualChiSquare the departure from a straight line
 * @param residualDf        its degrees of freedom, k - 2
 * @param residualPValue    its p-value
 * @param centreTime        the weighted mean time, through which the fitted line passes
 * @param centreRate        the fitted rate at {@code centreTime}
 * @param centreVariance    the variance of {@code centreRate}
 * @param covariance        the covariance of {@code centreRate} and the slope
 */
public record Trend(Optional<String> force, Optional<String> category, TrendMethod method, List<Observation> observations,
                    double confidence, double significance, String unit, double slope, double standardError,
                    double lower, double upper, double z, double chiSquare, double pValue, double residualChiSquare,
                    int residualDf, double residualPValue, double centreTime, double centreRate, double centreVariance,
                    double covariance) implements Result {

    /**
     * The result columns of a trend (after the series' own columns): {@code method,inspections,first_time,
     * last_time,first_rate,last_rate,slope,se,lower,upper,z,chi_square,p_value,residual_chi_square,residual_df,
     * residual_p_value,sentence}. The slope and its bounds are changes per unit of time (fractions).
     */
    public static final ResultColumns<Trend> COLUMNS = ResultColumns.<Trend>of()
            .add("method", Kind.TEXT, t -> t.method().token())
            .add("inspections", Kind.COUNT, t -> (long) t.observations().size())
            .add("first_time", Kind.NUMBER, t -> t.first().time())
            .add("last_time", Kind.NUMBER, t -> t.last().time())
            .add("first_rate", Kind.FRACTION, t -> t.first().rate())
            .add("last_rate", Kind.FRACTION, t -> t.last().rate())
            .add("slope", Kind.CHANGE, Trend::slope)
            .add("se", Kind.CHANGE, Trend::standardError)
            .add("lower", Kind.CHANGE, Trend::lower)
            .add("upper", Kind.CHANGE, Trend::upper)
            .add("z", Kind.NUMBER, Trend::z)
            .add("chi_square", Kind.NUMBER, Trend::chiSquare)
            .add("p_value", Kind.PVALUE, Trend::pValue)
            .add("residual_chi_square", Kind.NUMBER, Trend::residualChiSquare)
            .add("residual_df", Kind.COUNT, t -> (long) t.residualDf())
            .add("residual_p_value", Kind.PVALUE, Trend::residualPValue)
            .add("sentence", Kind.TEXT, Trend::sentence);

    /** The columns of one trend on its own: {@code force,category}, then {@link #COLUMNS}. */
    public static final ResultColumns<Trend> NAMED_COLUMNS = ResultColumns.<Trend>of()
            .add("force", Kind.TEXT, Trend::force)
            .add("category", Kind.TEXT, Trend::category)
            .then(COLUMNS);

    /**
     * Copies the list (the record is immutable).
     *
     * @throws NullPointerException if a list, an element or an optional is null
     */
    public Trend {
        observations = List.copyOf(observations);
        java.util.Objects.requireNonNull(force);
        java.util.Objects.requireNonNull(category);
        java.util.Objects.requireNonNull(method);
        java.util.Objects.requireNonNull(unit);
    }

    /**
     * The first inspection.
     *
     * @return the earliest observation
     */
    public Observation first() {
        return observations.get(0);
    }

    /**
     * The last inspection.
     *
     * @return the latest observation
     */
    public Observation last() {
        return observations.get(observations.size() - 1);
    }

    /**
     * The fitted rate at a time: centreRate + slope (time - centreTime).
     *
     * @param time any time on the trend's scale
     * @return the fitted rate (not clipped to [0, 1])
     */
    public double fitted(double time) {
        return centreRate + slope * (time - centreTime);
    }

    /**
     * The standard error of the fitted rate at a time, from the variances of the centre and slope and
     * their covariance.
     *
     * @param time any time on the trend's scale
     * @return the standard error, 0 or more
     */
    public double fittedStandardError(double time) {
        double d = time - centreTime;
        return Math.sqrt(Math.max(0, centreVariance + d * d * standardError * standardError + 2 * d * covariance));
    }

    /**
     * Whether the test calls the trend significant at {@link #significance()}.
     *
     * @return p &lt; significance (false when the test is undefined)
     */
    public boolean significant() {
        return pValue < significance;
    }

    @Override
    public ResultTable table() {
        return NAMED_COLUMNS.table(this).notes(notes());
    }

    @Override
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        if (Double.isNaN(pValue)) {
            notes.add("every audited crime was recorded at every inspection (or none was): there is no trend to"
                    + " test");
        } else if (Math.abs(confidence + significance - 1) < 1e-12 && significant() != (lower > 0 || upper < 0)) {
            notes.add("the test for trend (its variance under no trend) and the slope's interval (each inspection's"
                    + " own variance) disagree on whether the slope is 0");
        }
        if (residualDf > 0 && residualPValue < significance) {
            notes.add(String.format(Locale.ROOT, "the rates depart from a straight line (chi-square %.2f on %d df,"
                    + " p = %s): the slope is an average trend", residualChiSquare, residualDf,
                    Percent.pValue(residualPValue)));
        }
        return notes;
    }

    /**
     * The inspectors' sentence: "Northshire's recording of violence has improved by 2.1 points a year over
     * the three inspections since 2014 (95% confidence interval 0.9 to 3.3 points a year; test for trend
     * p = 0.0012)." When the trend is not significant: "... has not changed significantly over the three
     * inspections since 2014 (+0.4 points a year, 95% confidence interval -0.8 to +1.6; test for trend
     * p = 0.47)." All crime reads "all reported crime"; without a force, "The force's"; without a category,
     * "The force's recording has improved ...".
     *
     * @return one sentence
     */
    public String sentence() {
        String subject = force.map(f -> f + "'s").orElse("The force's") + " recording"
                + category.map(c -> " of " + (Names.isAllCrime(c) ? "all reported crime" : c)).orElse("");
        String over = "over the " + words(observations.size()) + " inspections since " + first().label();
        String level = Percent.level(confidence).replace("%", " percent");
        String per = perUnit();
        String p = Double.isNaN(pValue) ? "no test possible" : "test for trend p = " + Percent.pValue(pValue);
        if (significant()) {
            boolean up = slope > 0;
            double from = up ? lower : -upper;
            double to = up ? upper : -lower;
            return String.format(Locale.ROOT, "%s has %s by %s points %s %s (%s confidence interval %s to %s points %s;"
                            + " %s).", subject, up ? "improved" : "deteriorated", points(Math.abs(slope)), per, over, level,
                    points(from), points(to), per, p);
        }
        return String.format(Locale.ROOT, "%s has not changed significantly %s (%s points %s, %s confidence interval"
                        + " %s to %s; %s).", subject, over, Percent.signed(slope), per, level, Percent.signed(lower),
                Percent.signed(upper), p);
    }

    private String perUnit() {
        return unit.equals("year") || unit.equals("month") || unit.equals("day") || unit.equals("week")
                ? "a " + unit : "per " + unit;
    }

    private static String points(double fraction) {
        return String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }

    private static String words(int n) {
        String[] small = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"};
        return n < small.length ? small[n] : String.format(Locale.ROOT, "%,d", n);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        text.append(name().map(n -> n + ": ").orElse("")).append(method.displayName())
                .append(method == TrendMethod.COCHRAN_ARMITAGE ? " test for trend" : " of the rates on time")
                .append(String.format("%n"));
        for (Observation o : observations) {
            text.append(String.format(Locale.ROOT, "  %-12s %s%n", o.label(), o.tally().isPresent() ? Percent.format(o.rate())
                    + " (" + o.tally().get() + ")" : o.figure().map(Object::toString).orElse(Percent.format(o.rate()))));
        }
        text.append(String.format(Locale.ROOT, "slope        %s points %s (se %s), %s CI %s to %s%n", Percent.signed(slope),
                perUnit(), Percent.signed(standardError).substring(1), Percent.level(confidence), Percent.signed(lower),
                Percent.signed(upper)));
        text.append(String.format(Locale.ROOT, "test         z = %.3f, chi-square = %.3f, p = %s%n", z, chiSquare,
                Percent.pValue(pValue)));
        if (residualDf > 0) {
            text.append(String.format(Locale.ROOT, "straightness chi-square = %.3f on %d df, p = %s%n", residualChiSquare,
                    residualDf, Percent.pValue(residualPValue)));
        }
        text.append(sentence()).append(String.format("%n"));
        for (String note : notes()) {
            text.append("Note: ").append(note).append(String.format("%n"));
        }
        return text.toString();
    }

    /** {@code "violence: +2.1 points a year (95% CI +0.9 to +3.3), p = 0.0012, 3 inspections 2014 to 2022"}. */
    @Override
    public String toString() {
        return name().map(n -> n + ": ").orElse("") + Percent.signed(slope) + " points "
                + perUnit() + " (" + Percent.level(confidence) + " CI " + Percent.range(lower, upper) + "), p = "
                + Percent.pValue(pValue) + ", " + observations.size() + " inspections " + first().label() + " to "
                + last().label();
    }

    /** "Northshire, violence", "violence", or empty when the series names neither. */
    private Optional<String> name() {
        List<String> parts = new ArrayList<>();
        force.ifPresent(parts::add);
        category.ifPresent(parts::add);
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    /** The two-sided critical value of a level. */
    static double critical(double confidence) {
        return Normal.twoSidedCritical(confidence);
    }
}
