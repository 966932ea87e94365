package org.recordingrate.resample;

import org.recordingrate.model.Token;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.estimate.RateEstimator;
import org.recordingrate.internal.Binomial;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Interval;
import org.recordingrate.model.Tally;

/**
 * The bootstrap's statistics, seeded. False-failure budget: every randomised assertion here is
 * a 5-sigma check (two-sided normal tail 5.7e-7) or wider; there are about 150 of them at 5
 * sigma and 428 at 5.5 sigma (3.8e-8), so the chance that a correct implementation fails with
 * some other seed is below 1e-4. The seeds are fixed, so the suite itself is deterministic.
 * Resampling work: about 6 million replicates in all, about a second.
 */
class BootstrapTest {

    private static final Inspection PEEL = Inspection.builder("PEEL 2021/22").category("violence", 180, 202, 25_000)
            .category("sexual offences", 131, 132, 2_500).category("other crime", 211, 220, 35_000).build();

    /**
     * Bootstrap SE against the analytic binomial SE of {@code reference/stratified-results.csv}
     * (se_binomial, which is exactly the standard deviation of the bootstrap distribution), on
     * every design. The Monte Carlo error of a standard deviation from B replicates is
     * sd sqrt((kurtosis - 1)/(4B)) (delta method), the kurtosis estimated from the replicates.
     */
    @Test
    void bootstrapStandardErrorAgreesWithTheAnalyticOneOnEveryReferenceDesign() {
        Map<String, Inspection> designs = ResampleReferences.designs();
        int replicates = 20_000;
        Bootstrap bootstrap = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(replicates)
                .withSeed(8);
        int checked = 0;
        for (ReferenceData.Row row : ReferenceData.rows("stratified-results.csv")) {
            Inspection design = designs.get(row.text("design"));
            double analytic = row.number("se_binomial");
            LinearStatistic statistic = LinearStatistic.of(design);
            MonteCarloDistribution d = (MonteCarloDistribution) bootstrap.distribution(statistic,
                    Bootstrap.weightedRate(design), Blocks.source(8).split());
            double sd = Math.sqrt(d.variance());
            if (analytic == 0) {
                assertEquals(0, sd, 0, row.where());
            } else {
                double mean = d.mean();
                double[] m4 = {0};
                d.forEach((t, count) -> m4[0] += count * Math.pow(t - mean, 4));
                double kurtosis = m4[0] / replicates / Math.pow(sd, 4);
                double error = sd * Math.sqrt((kurtosis - 1) / (4.0 * replicates));
                assertEquals(analytic, sd, 5 * error, row.where());
            }
            checked++;
        }
        assertEquals(30, checked);
    }

    /** The exact bootstrap's quantiles equal R's full enumeration ({@code resample/exact-bootstrap.csv}). */
    @Test
    void exactBootstrapQuantilesEqualFullEnumeration() {
        Map<String, Inspection> designs = ResampleReferences.designs();
        for (Map<String, String> row : ResampleReferences.rows("exact-bootstrap.csv")) {
            Inspection design = designs.get(row.get("design"));
            LinearStatistic statistic = LinearStatistic.of(design);
            ExactDistribution exact = ExactDistribution.of(statistic, Bootstrap.weightedRate(design));
            assertEquals(0, exact.error(), row.toString());
            double level = Double.parseDouble(row.get("level"));
            assertEquals(Double.parseDouble(row.get("quantile")), exact.quantiles(level)[0], 1e-12, row.toString());
        }
    }

    /**
     * On the lattice (forced here with a tiny atom limit) every quantile lies within the stated
     * error of the exact one.
     */
    @Test
    void latticeQuantilesStayWithinTheirStatedError() {
        LinearStatistic statistic = LinearStatistic.of(PEEL);
        ExactDistribution exact = ExactDistribution.of(statistic, Bootstrap.weightedRate(PEEL));
        ExactDistribution lattice = ExactDistribution.of(statistic, Bootstrap.weightedRate(PEEL), 1000);
        assertTrue(lattice.error() > 0 && lattice.error() < 1e-6, "error " + lattice.error());
        for (double level : new double[] {0.005, 0.025, 0.05, 0.5, 0.95, 0.975, 0.995}) {
            assertEquals(exact.quantiles(level)[0], lattice.quantiles(level)[0], lattice.error(), "level " + level);
        }
    }

    /**
     * Monte Carlo percentile bounds converge to the exact bootstrap's: the exact CDF at the
     * Monte Carlo bound is the level within 5 binomial standard deviations sqrt(l(1 - l)/B)
     * (P(T* &lt; q) &lt;= l + e and P(T* &lt;= q) &gt;= l - e, the CDF jumping on the lattice).
     */
    @Test
    void percentileIntervalsConvergeToTheExactBootstrap() {
        int replicates = 400_000;
        Bootstrap bootstrap = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(replicates)
                .withSeed(2026);
        Map<String, Inspection> designs = ResampleReferences.designs();
        for (String name : new String[] {"cambridgeshire-like", "small-categories", "two-categories"}) {
            Inspection design = designs.get(name);
            LinearStatistic statistic = LinearStatistic.of(design);
            ExactDistribution exact = ExactDistribution.of(statistic, Bootstrap.weightedRate(design));
            Interval mc = bootstrap.allCrime(design).interval();
            double alpha = 0.05;
            double e = 5 * Math.sqrt(alpha / 2 * (1 - alpha / 2) / replicates);
            assertTrue(exact.cdfBelow(mc.lower()) <= alpha / 2 + e && exact.cdf(mc.lower()) >= alpha / 2 - e,
                    name + " lower " + mc.lower());
            assertTrue(exact.cdfBelow(mc.upper()) <= 1 - alpha / 2 + e && exact.cdf(mc.upper()) >= 1 - alpha / 2 - e,
                    name + " upper " + mc.upper());
            Interval ex = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).allCrime(design).interval();
            assertEquals(ex.lower(), exact.quantiles(alpha / 2)[0]);
            assertEquals(ex.upper(), exact.quantiles(1 - alpha / 2)[0]);
        }
    }

    /**
     * The same seed gives the same bits with 1, 2 and 16 threads: every replicate, the sums,
     * every bound; both for the tally of count tuples (100,000 replicates of PEEL's 23,868 cells)
     * and for one double per replicate (20,000: too few for the tally), and for more than three
     * categories (the change between two inspections).
     */
    @Test
    void identicalBitsForOneTwoAndSixteenThreads() {
        Inspection cdi = Inspection.builder("CDI 2017").category("violence", 512, 640, 30_000)
                .category("sexual offences", 102, 112, 2_400).category("other crime", 610, 700, 40_000).build();
        Object[][] cases = {{LinearStatistic.of(PEEL), 100_000, true}, {LinearStatistic.of(PEEL), 20_000, false},
                {LinearStatistic.change(cdi, PEEL), 30_000, false}};
        for (Object[] c : cases) {
            LinearStatistic statistic = (LinearStatistic) c[0];
            int replicates = (Integer) c[1];
            Bootstrap bootstrap = Bootstrap.withDefaults().withReplicates(replicates).withSeed(7);
            double[] reference = null;
            long[] sums = null;
            Interval bounds = null;
            for (int threads : new int[] {1, 2, 16}) {
                Bootstrap b = bootstrap.withThreads(threads);
                MonteCarloDistribution d = (MonteCarloDistribution) b.distribution(statistic,
                        Bootstrap.weightedRate(PEEL), Blocks.source(7).split());
                assertEquals(c[2], d.tallied(), "tallied");
                double[] values = d.sortedValues();
                long[] bits = {Double.doubleToRawLongBits(d.mean()), Double.doubleToRawLongBits(d.variance()),
                        d.below(), d.equal()};
                Interval interval = b.allCrime(PEEL).interval();
                if (reference == null) {
                    reference = values;
                    sums = bits;
                    bounds = interval;
                } else {
                    assertArrayEquals(reference, values, "threads " + threads);
                    assertArrayEquals(sums, bits, "threads " + threads);
                    assertEquals(Double.doubleToRawLongBits(bounds.lower()), Double.doubleToRawLongBits(interval.lower()));
                    assertEquals(Double.doubleToRawLongBits(bounds.upper()), Double.doubleToRawLongBits(interval.upper()));
                }
            }
        }
    }

    /**
     * The tally's summary is that of its replicates written out: the counts per cell of a seeded
     * run are decoded here independently (cell index = sum (x_k - lowest32_k) stride_k, the last
     * category fastest), each cell's value computed with {@link LinearStatistic#sum} and
     * compared with {@link LinearStatistic#exactSign}, the list of replicates written out and
     * sorted; the tally gives the same sorted replicates bit for bit, the same counts below and
     * equal, the same quantiles as the one-double-per-replicate form of the same list, and the
     * same mean and variance to rounding. One category, a change, PEEL's three categories, and
     * the studentized replicates of PEEL (t* = (T* - t)/s*, s* computed here).
     */
    @Test
    void tallyOfCountTuplesSummarisesTheReplicatesItCounted() {
        Object[][] cases = {{LinearStatistic.of(Tally.of(180, 202)), 180 / 202.0, false},
                {LinearStatistic.change(Tally.of(512, 640), Tally.of(188, 202)), 188 / 202.0 - 512 / 640.0, false},
                {LinearStatistic.of(PEEL), Bootstrap.weightedRate(PEEL), false},
                {LinearStatistic.of(PEEL), Bootstrap.weightedRate(PEEL), true}};
        int replicates = 200_001;   // odd: the last pair's second half is drawn and left unused
        for (Object[] c : cases) {
            LinearStatistic statistic = (LinearStatistic) c[0];
            double estimate = (Double) c[1];
            boolean studentized = (Boolean) c[2];
            org.recordingrate.internal.AliasSampler[] samplers = statistic.samplers();
            CountTally tally = CountTally.plan(statistic, samplers, replicates);
            int[] cells = tally.count(replicates, Blocks.source(99).split(), 2, ProgressListener.NONE,
                    new Cancellation());
            int k = statistic.size();
            double[] list = new double[replicates];
            int at = 0;
            long below = 0;
            long equal = 0;
            for (int cell = 0; cell < cells.length; cell++) {
                long[] x = new long[k];
                int rest = cell;
                for (int i = k - 1; i >= 0; i--) {
                    int range = (int) (samplers[i].highest32() - samplers[i].lowest32() + 1);
                    x[i] = samplers[i].lowest32() + rest % range;
                    rest /= range;
                }
                int sign = statistic.exactSign(x);
                double t = statistic.clamp(statistic.sum(x));
                if (studentized) {
                    double v = 0;
                    for (int i = 0; i < k; i++) {
                        double ci = statistic.coefficient(i);
                        v += ci * ci / statistic.audited(i) * x[i] * (statistic.audited(i) - x[i]);
                    }
                    t = sign == 0 ? 0 : v > 0 ? (t - statistic.loopEstimate()) / Math.sqrt(v)
                            : sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                }
                for (int j = 0; j < cells[cell]; j++) {
                    list[at++] = t;
                }
                below += sign < 0 ? cells[cell] : 0;
                equal += sign == 0 ? cells[cell] : 0;
            }
            assertEquals(replicates, at);
            MonteCarloDistribution tallied = tally.distribution(cells, estimate, studentized);
            MonteCarloDistribution each = ResampleReferences.distribution(list, estimate, 0, 0, -1, 1);
            java.util.Arrays.sort(list);
            assertTrue(tallied.tallied());
            assertArrayEquals(list, tallied.sortedValues());
            assertEquals(below, tallied.below());
            assertEquals(equal, tallied.equal());
            double[] levels = {0.0001, 0.025, 0.3, 0.5, 0.975, 0.9999};
            assertArrayEquals(each.quantiles(levels), tallied.quantiles(levels));
            if (!studentized) {
                // the same terms summed in two orders (the tally's as products count x deviation):
                // recursive summation of B terms errs by at most (B - 1) 2^-53 sum |term| (Higham
                // 2002, section 4.2), the products by 2^-53 each, so the sums differ by less than
                // B 2^-51 sum |t* - t|, the means by that over B plus the rounding of t + sum/B (an
                // ulp each); the sums of squares, all terms positive, by a relative B 2^-51 (9e-11)
                double absolute = 0;
                for (double t : list) {
                    absolute += Math.abs(t - estimate);
                }
                assertEquals(each.mean(), tallied.mean(), 0x1.0p-51 * absolute + 2 * Math.ulp(estimate));
                assertEquals(each.variance(), tallied.variance(), 2e-10 * each.variance());
            }
        }
    }

    /**
     * The tally's draws follow the bootstrap distribution, both replicate by replicate and when
     * the tally itself is drawn (a multinomial by a chain of binomials): with a million
     * replicates, each category's count has Binomial(n, x/n) frequencies (Loader's
     * probabilities), and for PEEL the pairs (violence, sexual offences), which one table draws
     * together, the product of theirs; PEEL's categories make two groups, CDI 2017's three.
     * Checked at 5.5 sigma for every value or pair expected at least 20 times (856 checks,
     * two-sided tail 3.8e-8 each: false-failure budget 3.3e-5).
     */
    @Test
    void tallyDrawsFollowTheBinomialsOfEachCategory() {
        Inspection cdi = Inspection.builder("CDI 2017").category("violence", 512, 640, 30_000)
                .category("sexual offences", 102, 112, 2_400).category("other crime", 610, 700, 40_000).build();
        int replicates = 1_000_000;
        int checked = 0;
        Inspection[] designs = {PEEL, cdi, PEEL, cdi};
        for (int run = 0; run < designs.length; run++) {
            Inspection design = designs[run];
            // the first two runs replicate by replicate, the last two draw the tally itself
            boolean direct = run >= 2;
            LinearStatistic statistic = LinearStatistic.of(design);
            org.recordingrate.internal.AliasSampler[] samplers = statistic.samplers();
            CountTally tally = CountTally.plan(statistic, samplers, replicates);
            assertEquals(design == PEEL ? 2 : 3, tally.groups());
            int[] cells = direct ? tally.drawCounts(replicates, Blocks.source(13).split(), ProgressListener.NONE,
                    new Cancellation()) : tally.count(replicates, Blocks.source(12).split(), 2, ProgressListener.NONE,
                    new Cancellation());
            int[] range = new int[3];
            for (int i = 0; i < 3; i++) {
                range[i] = (int) (samplers[i].highest32() - samplers[i].lowest32() + 1);
            }
            long[][] marginal = new long[3][];
            for (int i = 0; i < 3; i++) {
                marginal[i] = new long[range[i]];
            }
            long[][] pairs = new long[range[0]][range[1]];
            for (int cell = 0; cell < cells.length; cell++) {
                int a = cell / (range[1] * range[2]);
                int b = cell / range[2] % range[1];
                int c = cell % range[2];
                marginal[0][a] += cells[cell];
                marginal[1][b] += cells[cell];
                marginal[2][c] += cells[cell];
                pairs[a][b] += cells[cell];
            }
            double[][] pmf = new double[3][];
            for (int i = 0; i < 3; i++) {
                long n = statistic.audited(i);
                double p = statistic.rate(i);
                pmf[i] = new double[range[i]];
                for (int v = 0; v < range[i]; v++) {
                    pmf[i][v] = Math.exp(Binomial.logPmf(samplers[i].lowest32() + v, n, p, 1 - p));
                }
            }
            for (int i = 0; i < 3; i++) {
                for (int v = 0; v < range[i]; v++) {
                    checked += checkFrequency(pmf[i][v], marginal[i][v], replicates, design.name() + " category " + i
                            + " value " + v);
                }
            }
            if (design == PEEL) {
                for (int a = 0; a < range[0]; a++) {
                    for (int b = 0; b < range[1]; b++) {
                        checked += checkFrequency(pmf[0][a] * pmf[1][b], pairs[a][b], replicates, "pair " + a + ", " + b);
                    }
                }
            }
        }
        assertTrue(checked > 700, "checked " + checked);
    }

    private static int checkFrequency(double p, long count, int replicates, String what) {
        double expected = p * replicates;
        if (expected < 20) {
            return 0;
        }
        assertEquals(expected, count, 5.5 * Math.sqrt(expected * (1 - p)), what);
        return 1;
    }

    /**
     * Ties in the bias correction: for one category the share of replicates below the estimate,
     * ties counted half, estimates P(X &lt; x) + P(X = x)/2 (X ~ Binomial(n, x/n), computed here from
     * Loader's probabilities), and strictly below P(X &lt; x); 5-sigma checks.
     */
    @Test
    void tiesCountHalfByDefaultAndNotAtAllAsInR() {
        int replicates = 200_000;
        long x = 180;
        long n = 202;
        MonteCarloDistribution d = (MonteCarloDistribution) Bootstrap.withDefaults().withReplicates(replicates)
                .withSeed(11).distribution(LinearStatistic.of(Tally.of(x, n)), x / (double) n, Blocks.source(11).split());
        double p = x / (double) n;
        double below = 0;
        for (long k = 0; k < x; k++) {
            below += Math.exp(Binomial.logPmf(k, n, p, 1 - p));
        }
        double atom = Math.exp(Binomial.logPmf(x, n, p, 1 - p));
        double half = below + atom / 2;
        assertEquals(half, d.shareBelow(TieCounting.HALF), 5 * Math.sqrt(half * (1 - half) / replicates));
        assertEquals(below, d.shareBelow(TieCounting.STRICTLY_BELOW), 5 * Math.sqrt(below * (1 - below) / replicates));
        assertEquals(atom, (double) d.equal() / replicates, 5 * Math.sqrt(atom * (1 - atom) / replicates));
        // about 9% of the replicates equal the estimate here: the two rules give different z0
        assertTrue(atom > 0.08);
    }

    /**
     * Ties decided on the counts: with volumes proportional to audited counts every category has
     * the same coefficient, so a replicate equals the estimate whenever the recorded counts sum
     * to the observed total, however the doubles round. Its probability is computed here by
     * convolving the two binomials; 5-sigma check.
     */
    @Test
    void tiesAreDecidedExactlyOnTheCounts() {
        Inspection proportional = Inspection.builder("proportional").category("a", 70, 100, 1_000)
                .category("b", 170, 300, 3_000).category("c", 20, 30, 300).build();
        int replicates = 200_000;
        MonteCarloDistribution d = (MonteCarloDistribution) Bootstrap.withDefaults().withReplicates(replicates)
                .withSeed(5).distribution(LinearStatistic.of(proportional), Bootstrap.weightedRate(proportional),
                        Blocks.source(5).split());
        double[][] pmf = {pmf(70, 100), pmf(170, 300), pmf(20, 30)};
        double equal = 0;
        for (int i = 0; i <= 100; i++) {
            for (int j = 0; j <= 300; j++) {
                int k = 260 - i - j;
                if (k >= 0 && k <= 30) {
                    equal += pmf[0][i] * pmf[1][j] * pmf[2][k];
                }
            }
        }
        assertEquals(equal, (double) d.equal() / replicates, 5 * Math.sqrt(equal * (1 - equal) / replicates));
    }

    private static double[] pmf(long x, long n) {
        double p = (double) x / n;
        double[] pmf = new double[(int) n + 1];
        for (int k = 0; k <= n; k++) {
            pmf[k] = Math.exp(Binomial.logPmf(k, n, p, 1 - p));
        }
        return pmf;
    }

    /**
     * The closed-form acceleration equals the one from an explicit delete-one jackknife over
     * every record (Davison and Hinkley's stratified formula), computed here record by record.
     */
    @Test
    void closedFormAccelerationEqualsTheRecordByRecordJackknife() {
        Map<String, Inspection> designs = ResampleReferences.designs();
        for (String name : new String[] {"cambridgeshire-like", "small-categories", "random-03"}) {
            Inspection design = designs.get(name);
            int h = design.categories().size();
            double total = design.totalVolume();
            double third = 0;
            double second = 0;
            for (int c = 0; c < h; c++) {
                long x = design.categories().get(c).tally().recorded();
                long n = design.categories().get(c).tally().audited();
                double w = design.categories().get(c).volume() / total;
                for (long j = 0; j < n; j++) {
                    long left = j < x ? x - 1 : x;   // leave out a recorded record, or an unrecorded one
                    double l = (n - 1) * (w * x / n - w * left / (n - 1));
                    third += l * l * l / ((double) n * n * n);
                    second += l * l / ((double) n * n);
                }
            }
            double expected = third / (6 * Math.pow(second, 1.5));
            assertEquals(expected, LinearStatistic.of(design).acceleration(), 1e-12, name);
        }
    }

    /** Every interval method gives ordered bounds within [0, 1] that contain the estimate (here). */
    @Test
    void everyMethodGivesABoundedIntervalAroundTheEstimate() {
        for (BootstrapInterval method : BootstrapInterval.values()) {
            BootstrapInspectionEstimate e = Bootstrap.withDefaults().with(method).withReplicates(20_000).withSeed(3)
                    .estimate(PEEL);
            for (BootstrapRow row : e.rows()) {
                Interval i = row.rate().interval();
                assertTrue(i.lower() >= 0 && i.upper() <= 1, method + " " + row);
                assertTrue(i.contains(row.rate().estimate()) || method == BootstrapInterval.STUDENTIZED, method + " " + row);
                assertTrue(row.unrecorded().lower() <= row.unrecorded().estimate()
                        && row.unrecorded().estimate() <= row.unrecorded().upper(), method + " " + row);
            }
            assertEquals(4, e.rows().size());
            assertTrue(e.allCrime().isAllCrime());
        }
    }

    /** The change: after - before, bounds in [-1, 1], the exact distribution's mean the change itself. */
    @Test
    void changeBetweenInspections() {
        Inspection cdi = Inspection.builder("CDI 2017").category("violence", 512, 640, 30_000)
                .category("sexual offences", 102, 112, 2_400).category("other crime", 610, 700, 40_000).build();
        BootstrapInspectionChange c = Bootstrap.withDefaults().withReplicates(20_000).withSeed(4).compare(cdi, PEEL);
        assertEquals(4, c.rows().size());
        BootstrapChangeRow all = c.allCrime();
        assertEquals(Bootstrap.weightedRate(PEEL) - Bootstrap.weightedRate(cdi), all.change().estimate(), 1e-15);
        assertTrue(all.change().lower() > 0, "an improvement: " + all);
        BootstrapEstimate exact = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).compare(Tally.of(512, 640),
                Tally.of(188, 202));
        assertEquals(188 / 202.0 - 512 / 640.0, exact.estimate(), 1e-15);
        assertEquals(0, exact.bias(), 1e-12);
        double se = Math.sqrt(0.8 * 0.2 / 640 + (188 / 202.0) * (14 / 202.0) / 202);
        assertEquals(se, exact.standardError(), 1e-12);
    }

    /** A bootstrap interval is a RateIntervalMethod. */
    @Test
    void bootstrapIsARateIntervalMethod() {
        Bootstrap bootstrap = Bootstrap.withDefaults().with(BootstrapInterval.EXACT);
        var estimate = RateEstimator.withDefaults().with(bootstrap).estimate(188, 202);
        // the exact bootstrap percentile bounds of 188/202 are binomial quantiles over 202
        Map<String, String> upper = ResampleReferences.rows("exact-bootstrap.csv").stream()
                .filter(r -> r.get("design").equals("one-category") && r.get("level").equals("0.975")).findFirst()
                .orElseThrow();
        assertEquals(Double.parseDouble(upper.get("quantile")), estimate.upper(), 1e-12);
        assertEquals("bootstrap_exact", bootstrap.token());
    }

    @Test
    void progressReachesTheTotalAndCancellationStops() {
        AtomicLong last = new AtomicLong();
        Bootstrap.withDefaults().withReplicates(50_000).withThreads(2).withProgress((done, total) -> {
            last.accumulateAndGet(done, Math::max);
            assertEquals(50_000, total);
        }).estimate(Tally.of(180, 202));
        assertEquals(50_000, last.get());
        Cancellation cancel = new Cancellation();
        Bootstrap cancelling = Bootstrap.withDefaults().withReplicates(1_000_000).withThreads(1).withCancellation(cancel)
                .withProgress((done, total) -> cancel.cancel());
        assertThrows(CancellationException.class, () -> cancelling.estimate(Tally.of(180, 202)));
    }

    @Test
    void badSettingsAreRefusedNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Bootstrap.withDefaults().withReplicates(0));
        assertTrue(e.getMessage().startsWith("replicates (0)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Bootstrap.withDefaults().withThreads(0));
        assertTrue(e.getMessage().startsWith("threads (0)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.withDefaults().withConfidence(1));
        assertThrows(IllegalArgumentException.class, () -> Token.parse(BootstrapInterval.class, "interval", "bcx"));
        assertEquals(BootstrapInterval.BCA, Token.parse(BootstrapInterval.class, "interval", " BCa "));
    }
}
