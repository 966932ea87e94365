package org.recordingrate.coverage;

import java.util.Locale;

import org.recordingrate.estimate.AllCrimeMethod;
import org.recordingrate.estimate.VarianceConvention;
import org.recordingrate.format.Percent;
import org.recordingrate.format.ResultColumns;
import org.recordingrate.format.ResultTable;
import org.recordingrate.format.ResultTable.Kind;

/**
 * The coverage of the all-crime interval of one inspection's design, estimated by seeded simulation:
 * the share of replicates whose interval holds the true all-crime rate, with its Monte Carlo standard
 * error sqrt(c (1 - c) / R). The result of {@link AllCrimeCoverage#simulate}.
 *
 * @param inspection      the design's name
 * @param method          the all-crime interval method
 * @param variance        the variance convention
 * @param confidence      the nominal level
 * @param rate            the true all-crime rate: sum of V<sub>h</sub> p<sub>h</sub> over sum of V<sub>h</sub>
 * @param replicates      R, the number of simulated audits
 * @param seed            the seed
 * @param coverage        the share of replicates covering {@code rate}
 * @param monteCarloError sqrt(coverage (1 - coverage) / R)
 * @param expectedWidth   the mean width of the replicates' intervals
 */
public record SimulatedCoverage(String inspection, AllCrimeMethod method, VarianceConvention variance,
                                double confidence, double rate, int replicates, long seed, double coverage,
                                double monteCarloError, double expectedWidth) implements CoverageFigure {

    /**
     * The columns: inspection, method, variance, confidence, rate, replicates, seed, coverage, mc_error,
     * expected_width.
     */
    public static final ResultColumns<SimulatedCoverage> COLUMNS = ResultColumns.<SimulatedCoverage>of()
            .add("inspection", Kind.TEXT, SimulatedCoverage::inspection)
            .add("method", Kind.TEXT, c -> c.method().token())
            .add("variance", Kind.TEXT, c -> c.variance().token())
            .add("confidence", Kind.NUMBER, SimulatedCoverage::confidence)
            .add("rate", Kind.FRACTION, SimulatedCoverage::rate)
            .add("replicates", Kind.COUNT, SimulatedCoverage::replicates)
            .add("seed", Kind.COUNT, SimulatedCoverage::seed)
            .add("coverage", Kind.FRACTION, SimulatedCoverage::coverage)
            .add("mc_error", Kind.FRACTION, SimulatedCoverage::monteCarloError)
            .add("expected_width", Kind.FRACTION, SimulatedCoverage::expectedWidth);

    /**
     * Under-covers only when the shortfall is larger than the tolerance plus twice the Monte Carlo
     * error, so that simulation noise alone does not make the claim.
     *
     * @return {@code coverage < confidence - 0.01 - 2 mc_error}
     */
    @Override
    public boolean underCovers() {
        return coverage < confidence - TOLERANCE - 2 * monteCarloError;
    }

    @Override
    public ResultTable table() {
        return COLUMNS.table(this);
    }

    @Override
    public String summary() {
        return String.format(Locale.ROOT, "%-16s%s, all crime, %s %s CI (%s variance)%n%-16s%s%n"
                        + "%-16s%s +/- %s (Monte Carlo standard error; %d replicates, seed %d)%s%n%-16s%s%n",
                "design", inspection, method.displayName(), Percent.level(confidence), variance.token(),
                "true rate", Percent.format(rate, 2),
                "coverage", Percent.format(coverage, 2), Percent.format(monteCarloError, 2), replicates, seed,
                underCovers() ? " (under-covers)" : "",
                "expected width", Percent.format(expectedWidth, 2));
    }

    @Override
    public String toString() {
        return inspection + ", all crime, " + method.displayName() + " " + Percent.level(confidence)
                + " CI at true rate " + Percent.format(rate) + ": coverage " + Percent.format(coverage) + " +/- "
                + Percent.format(monteCarloError, 2) + " (" + replicates + " replicates)";
    }
}
