package org.recordingrate.posterior;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;
import org.recordingrate.internal.Normal;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Names;
import org.recordingrate.model.Result;
import org.recordingrate.model.RowKind;

/**
 * The posterior of an inspection: each category's Beta posterior (independent, one prior) and the
 * all-crime rate sum W<sub>h</sub> p<sub>h</sub>, W<sub>h</sub> = volume<sub>h</sub> / total volume, the
 * share of the force's crimes recorded. The result of {@link BayesEstimator#estimate(Inspection)}.
 *
 * <ul>
 *   <li>the all-crime mean sum W<sub>h</sub> a<sub>h</sub>/(a<sub>h</sub> + b<sub>h</sub>) and standard
 *       deviation sqrt(sum W<sub>h</sub><sup>2</sup> var<sub>h</sub>) are exact;</li>
 *   <li>its equal-tailed interval is the quantiles of R seeded replicates (R's type 7), identical for
 *       any number of threads, with the <b>Monte Carlo error</b> of each bound: the standard error
 *       (x<sub>(j+)</sub> - x<sub>(j-)</sub>) / (2 z<sub>0.975</sub>), x<sub>(j)</sub> the sorted replicates
 *       and j&plusmn; = Rq &plusmn; z<sub>0.975</sub> sqrt(Rq(1 - q)), the distribution-free interval of a
 *       quantile from order statistics (David and Nagaraja 2003, "Order Statistics", section 7.1) divided
 *       by its width in standard errors;</li>
 *   <li>its highest-density interval is the shortest interval holding ceil(level R) of the sorted
 *       replicates (Chen and Shao 1999, "Monte Carlo estimation of Bayesian credible and HPD
 *       intervals", J. Comput. Graph. Stat. 8, 69-92).</li>
 * </ul>
 *
 * @param inspection  the inspection's name
 * @param categories  each category's posterior, in the inspection's order
 * @param mean        the all-crime posterior mean (exact)
 * @param standardDeviation the all-crime posterior standard deviation (exact)
 * @param lower       the all-crime equal-tailed interval's lower bound (simulated)
 * @param upper       its upper bound (simulated)
 * @param hpdLower    the all-crime highest-density interval's lower bound (simulated)
 * @param hpdUpper    its upper bound (simulated)
 * @param mcErrorLower the Monte Carlo standard error of {@code lower}
 * @param mcErrorUpper the Monte Carlo standard error of {@code upper}
 * @param replicates  R, the replicates drawn
 * @param seed        the seed of the draws
 */
public record AllCrimePosterior(String inspection, List<Category> categories, double mean, double standardDeviation,
                                double lower, double upper, double hpdLower, double hpdUpper, double mcErrorLower,
                                double mcErrorUpper, int replicates, long seed) implements Result {

    /**
     * One category's posterior within an inspection.
     *
     * @param name      the category
     * @param volume    its volume (the weight's numerator)
     * @param posterior its Beta posterior
     */
    public record Category(String name, long volume, BetaPosterior posterior) {
    }

    /**
     * One row of the table: a category, or all crime.
     *
     * @param inspection   the inspection's name
     * @param kind         category or all crime
     * @param category     the category's name, or "all crime"
     * @param recorded     recorded (summed for all crime)
     * @param audited      audited (summed for all crime)
     * @param volume       the volume (summed for all crime)
     * @param prior        the prior's token
     * @param credibility  the level
     * @param mean         the posterior mean
     * @param sd           the posterior standard deviation
     * @param lower        the equal-tailed lower bound
     * @param upper        the equal-tailed upper bound
     * @param hpdLower     the highest-density lower bound
     * @param hpdUpper     the highest-density upper bound
     * @param mcErrorLower the Monte Carlo standard error of the lower bound (all crime only)
     * @param mcErrorUpper the Monte Carlo standard error of the upper bound (all crime only)
     */
    public record Row(String inspection, RowKind kind, String category, long recorded, long audited, long volume,
                      String prior, double credibility, double mean, double sd, double lower, double upper,
                      double hpdLower, double hpdUpper, OptionalDouble mcErrorLower, OptionalDouble mcErrorUpper) {
    }

    /**
     * The columns, a row per category and one for all crime: {@code inspection,category,recorded,audited,volume,
     * prior,credibility,mean,sd,lower,upper,hpd_lower,hpd_upper,mc_error_lower,mc_error_upper}.
     */
    public static final ResultColumns<Row> COLUMNS = ResultColumns.<Row>of()
            .add("inspection", Kind.TEXT, Row::inspection)
            .add("category", Kind.TEXT, Row::category)
            .add("recorded", Kind.COUNT, Row::recorded)
            .add("audited", Kind.COUNT, Row::audited)
            .add("volume", Kind.COUNT, Row::volume)
            .add("prior", Kind.TEXT, Row::prior)
            .add("credibility", Kind.NUMBER, Row::credibility)
            .add("mean", Kind.FRACTION, Row::mean)
            .add("sd", Kind.FRACTION, Row::sd)
            .add("lower", Kind.FRACTION, Row::lower)
            .add("upper", Kind.FRACTION, Row::upper)
            .add("hpd_lower", Kind.FRACTION, Row::hpdLower)
            .add("hpd_upper", Kind.FRACTION, Row::hpdUpper)
            .add("mc_error_lower", Kind.FRACTION, Row::mcErrorLower)
            .add("mc_error_upper", Kind.FRACTION, Row::mcErrorUpper);

    /**
     * Copies the list (the record is immutable).
     *
     * @throws NullPointerException if the list or an element is null
     */
    public AllCrimePosterior {
        categories = List.copyOf(categories);
    }

    /** Computes the posterior of {@code inspection}. */
    static AllCrimePosterior of(Inspection inspection, Prior prior, double credibility, int replicates, long seed,
                                int threads) {
        List<Category> categories = new ArrayList<>();
        int count = inspection.categories().size();
        double[] weights = new double[count];
        double[] a = new double[count];
        double[] b = new double[count];
        double total = inspection.totalVolume();
        double mean = 0;
        double variance = 0;
        for (int h = 0; h < count; h++) {
            AuditedCategory c = inspection.categories().get(h);
            BetaPosterior posterior = BetaPosterior.of(c.tally(), prior, credibility);
            categories.add(new Category(c.name(), c.volume(), posterior));
            weights[h] = c.volume() / total;
            a[h] = posterior.a();
            b[h] = posterior.b();
            mean += weights[h] * posterior.mean();
            variance += weights[h] * weights[h] * posterior.standardDeviation() * posterior.standardDeviation();
        }
        double[] draws = BetaDraws.weightedSums(weights, a, b, replicates, seed, threads);
        java.util.Arrays.sort(draws);
        double tail = (1 - credibility) / 2;
        double lower = quantile(draws, tail);
        double upper = quantile(draws, 1 - tail);
        int inside = (int) Math.min(replicates, Math.ceil(credibility * replicates));
        int best = 0;
        for (int i = 1; i + inside - 1 < replicates; i++) {
            if (draws[i + inside - 1] - draws[i] < draws[best + inside - 1] - draws[best]) {
                best = i;
            }
        }
        return new AllCrimePosterior(inspection.name(), categories, mean, Math.sqrt(variance), lower, upper, draws[best],
                draws[best + inside - 1], monteCarloError(draws, tail), monteCarloError(draws, 1 - tail), replicates,
                seed);
    }

    /** R's type 7 quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }

    /** The order-statistic standard error of the q quantile of sorted values (class comment). */
    static double monteCarloError(double[] sorted, double q) {
        double z = Normal.twoSidedCritical(0.95);
        int r = sorted.length;
        double spread = z * Math.sqrt(r * q * (1 - q));
        int low = (int) Math.max(0, Math.floor(r * q - spread) - 1);
        int high = (int) Math.min(r - 1, Math.ceil(r * q + spread) - 1);
        return (sorted[high] - sorted[low]) / (2 * z);
    }

    /**
     * The rows of the table: each category, then all crime.
     *
     * @return a new list
     */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        long recorded = 0;
        long audited = 0;
        long volume = 0;
        Prior prior = categories.get(0).posterior().prior();
        double credibility = categories.get(0).posterior().credibility();
        for (Category c : categories) {
            BetaPosterior p = c.posterior();
            rows.add(new Row(inspection, RowKind.CATEGORY, c.name(), p.tally().recorded(), p.tally().audited(), c.volume(),
                    prior.token(), credibility, p.mean(), p.standardDeviation(), p.lower(), p.upper(), p.hpdLower(),
                    p.hpdUpper(), OptionalDouble.empty(), OptionalDouble.empty()));
            recorded += p.tally().recorded();
            audited += p.tally().audited();
            volume += c.volume();
        }
        rows.add(new Row(inspection, RowKind.ALL_CRIME, Names.ALL_CRIME, recorded, audited, volume, prior.token(),
                credibility, mean, standardDeviation, lower, upper, hpdLower, hpdUpper, OptionalDouble.of(mcErrorLower),
                OptionalDouble.of(mcErrorUpper)));
        return rows;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(rows()).notes(notes());
    }

    @Override
    public List<String> notes() {
        return List.of(String.format(Locale.ROOT, "all crime's interval from %,d seeded replicates (seed %d): Monte Carlo"
                + " standard error %s points (lower bound) and %s points (upper bound)", replicates, seed,
                points(mcErrorLower), points(mcErrorUpper)));
    }

    private static String points(double error) {
        return String.format(Locale.ROOT, "%.4f", 100 * error);
    }

    @Override
    public String summary() {
        StringBuilder text = new StringBuilder();
        String level = Percent.level(credibility());
        text.append(String.format(Locale.ROOT, "%s, %s prior, %s credible intervals%n", inspection,
                categories.get(0).posterior().prior(), level));
        for (Category c : categories) {
            BetaPosterior p = c.posterior();
            text.append(String.format(Locale.ROOT, "  %-20s %s (%s to %s; highest density %s to %s), %s%n", c.name(),
                    Percent.format(p.mean()), Percent.format(p.lower()), Percent.format(p.upper()),
                    Percent.format(p.hpdLower()), Percent.format(p.hpdUpper()), p.tally()));
        }
        text.append(String.format(Locale.ROOT, "  %-20s %s (%s to %s; highest density %s to %s), volume-weighted%n",
                Names.ALL_CRIME, Percent.format(mean), Percent.format(lower), Percent.format(upper),
                Percent.format(hpdLower), Percent.format(hpdUpper)));
        for (String note : notes()) {
            text.append("Note: ").append(note).append(String.format("%n"));
        }
        return text.toString();
    }

    private double credibility() {
        return categories.get(0).posterior().credibility();
    }

    /** {@code "PEEL 2021/22: all crime 93.5% (95% credible 91.6% to 95.1%; Jeffreys prior, 1,000,000 replicates)"}. */
    @Override
    public String toString() {
        Prior prior = categories.get(0).posterior().prior();
        return String.format(Locale.ROOT, "%s: all crime %s (%s credible %s to %s; %s, %,d replicates)", inspection,
                Percent.format(mean), Percent.level(credibility()), Percent.format(lower), Percent.format(upper),
                prior.named().map(n -> n.displayName() + " prior").orElse("prior " + prior), replicates);
    }
}
