package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.recordingrate.ReferenceData;
import org.recordingrate.error.ArgumentException;
import org.recordingrate.model.AuditAccumulator;
import org.recordingrate.model.AuditRecord;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Category;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;

/**
 * The bootstrap over incidents drawn through each category's sums ({@link ClusterSums},
 * {@link IncidentResampler}) against independent computations written here: a brute-force
 * enumeration of every draw of incidents; R survey's linearisation variance with the bootstrap's
 * factor (m - 1)/m and the ratio's second-order term; a plain cluster bootstrap that draws one
 * index per incident; a direct jackknife that leaves each incident out.
 *
 * <p><b>False-failure budget.</b> The Monte Carlo checks are at 5 standard errors (two-sided normal
 * tail 5.7e-7 each); there are 14 of them (3 in the plain cluster bootstrap, 2 in the exact
 * against Monte Carlo, 9 in the kernels), so below 1e-5 for the class. Seeds are fixed: a run
 * either always passes or always fails; the budget is the chance that a seed picked blindly fails.
 */
class IncidentResamplingTest {

    private static final double SIGMAS = 5;

    /** The R reference designs (see make-incident-reference.R), built record by record. */
    static Map<String, Inspection> referenceInspections() {
        Map<String, AuditAccumulator> audits = new LinkedHashMap<>();
        for (ReferenceData.Row row : ReferenceData.resource("/incidents/incident-records.csv")) {
            audits.computeIfAbsent(row.text("inspection"), k -> new AuditAccumulator())
                    .add(AuditRecord.of(row.text("record_id"), row.text("category"), row.whole("recorded") == 1,
                            row.text("incident_id")));
        }
        Map<String, List<Category>> designs = new LinkedHashMap<>();
        for (ReferenceData.Row row : ReferenceData.resource("/incidents/incident-volumes.csv")) {
            OptionalLong population = row.isEmpty("population") ? OptionalLong.empty()
                    : OptionalLong.of(row.whole("population"));
            designs.computeIfAbsent(row.text("inspection"), k -> new ArrayList<>())
                    .add(new Category(row.text("category"), row.whole("volume"), population));
        }
        Map<String, Inspection> inspections = new LinkedHashMap<>();
        audits.forEach((name, audit) -> inspections.put(name, audit.inspection(name, designs.get(name))));
        return inspections;
    }

    private static Incidents incidents(long[]... groups) {
        List<Incidents.Group> list = new ArrayList<>();
        for (long[] g : groups) {
            list.add(new Incidents.Group(g[0], g[1], g[2]));
        }
        return new Incidents(list);
    }

    /** The incidents of a category one by one: {crimes, recorded} per incident. */
    private static long[][] flatten(Incidents incidents) {
        List<long[]> all = new ArrayList<>();
        for (Incidents.Group g : incidents.groups()) {
            for (long i = 0; i < g.incidents(); i++) {
                all.add(new long[] {g.crimes(), g.recorded()});
            }
        }
        return all.toArray(new long[0][]);
    }

    /**
     * Every one of the m^m equally likely ordered draws of m incidents with replacement, the rate
     * of each kept as a reduced fraction: the bootstrap distribution by brute force.
     */
    private static TreeMap<BigFraction, Double> bruteForce(Incidents incidents) {
        long[][] units = flatten(incidents);
        int m = units.length;
        TreeMap<BigFraction, Double> distribution = new TreeMap<>();
        int[] index = new int[m];
        double each = Math.pow(m, -m);
        while (true) {
            long r = 0;
            long a = 0;
            for (int i : index) {
                a += units[i][0];
                r += units[i][1];
            }
            distribution.merge(new BigFraction(r, a), each, Double::sum);
            int j = m - 1;
            while (j >= 0 && ++index[j] == m) {
                index[j--] = 0;
            }
            if (j < 0) {
                return distribution;
            }
        }
    }

    /** A fraction in lowest terms, ordered by value. */
    private record BigFraction(BigInteger numerator, BigInteger denominator) implements Comparable<BigFraction> {
        BigFraction(long numerator, long denominator) {
            this(BigInteger.valueOf(numerator).divide(BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator))),
                    BigInteger.valueOf(denominator).divide(BigInteger.valueOf(numerator).gcd(BigInteger.valueOf(denominator))));
        }

        @Override
        public int compareTo(BigFraction o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }

    @Test
    void eachCategorysDistributionIsTheEnumerationOfEveryDraw() {
        List<Incidents> cases = List.of(
                incidents(new long[] {1, 1, 2}, new long[] {2, 1, 1}, new long[] {3, 3, 1}, new long[] {2, 0, 1},
                        new long[] {4, 2, 1}),
                incidents(new long[] {2, 2, 3}, new long[] {2, 0, 1}, new long[] {3, 1, 2}),
                incidents(new long[] {1, 0, 2}, new long[] {1, 1, 5}),     // single crimes: the binomial path
                incidents(new long[] {3, 3, 4}, new long[] {1, 1, 2}));     // every crime recorded: one value
        for (Incidents incidents : cases) {
            TreeMap<BigFraction, Double> expected = bruteForce(incidents);
            ClusterSums sums = ClusterSums.of(incidents);
            assertNotNull(sums);
            assertEquals(expected.size(), sums.size(), incidents.toString());
            int i = 0;
            for (Map.Entry<BigFraction, Double> e : expected.entrySet()) {
                assertEquals(e.getKey().numerator().longValueExact(), sums.numerator(i), incidents + " atom " + i);
                assertEquals(e.getKey().denominator().longValueExact(), sums.denominator(i), incidents + " atom " + i);
                // the brute force adds up to 46,656 terms: its own rounding is about 1e-14
                assertEquals(e.getValue(), sums.probabilities()[i], 1e-12, incidents + " probability " + i);
                i++;
            }
            int observed = sums.observed();
            assertEquals(incidents.recorded() * sums.denominator(observed),
                    sums.numerator(observed) * incidents.crimes(), "the observed rate's atom");
        }
    }

    /**
     * The sums' exact bootstrap variance against R. First the factor: the bootstrap variance of the
     * linearised statistic, sum over the m incidents drawn of e = (r - p c)/n, is m times the
     * variance of one draw, sum_g (n_g/m) e_g^2 m, which is exactly (m - 1)/m times R's
     * linearisation variance m/(m - 1) sum e^2 (svymean, no fpc): checked to 1e-12 against R's
     * standard errors. Then the ratio: R*&#47;A* - p = U(1 - W + W^2 - ...) with U the linearised sum
     * and W = (A* - n)/n, so Var* = s_U^2 - 2 E[U^2 W] + 3 s_U^2 s_W^2 + 5 s_UW^2 + O(m^-3) (moments
     * of sums of m independent draws, written out here); the exact variance from {@link ClusterSums}
     * must match that to a relative 4/m^2 (the neglected terms are of that order; on the 26 reference
     * categories the largest gap is 1.3/m^2). Designs with a finite population correction are left
     * out (R's variance includes it, the bootstrap does not).
     */
    @Test
    void exactBootstrapVarianceIsRsLinearisationTimesTheFactorPlusTheRatiosCurvature() {
        Map<String, Double> rStandardErrors = new HashMap<>();
        for (ReferenceData.Row row : ReferenceData.resource("/incidents/incident-results.csv")) {
            rStandardErrors.put(row.text("inspection") + "|" + row.text("row"), row.number("se_survey"));
        }
        int checked = 0;
        for (Map.Entry<String, Inspection> design : referenceInspections().entrySet()) {
            Inspection inspection = design.getValue();
            if (inspection.categories().stream().anyMatch(c -> c.category().population().isPresent())) {
                continue;
            }
            double allCrimeBootstrap = 0;
            double allCrimeFactored = 0;
            for (AuditedCategory c : inspection.categories()) {
                Incidents incidents = c.incidents().orElseThrow();
                Double se = rStandardErrors.get(design.getKey() + "|" + c.name());
                long m = incidents.count();
                double n = incidents.crimes();
                double p = incidents.recorded() / n;
                double cBar = n / m;
                double su = 0;
                double sw = 0;
                double suw = 0;
                double uuw = 0;
                for (Incidents.Group g : incidents.groups()) {
                    double share = (double) g.incidents() / m;
                    double e = (g.recorded() - p * g.crimes()) / n;
                    double d = (g.crimes() - cBar) / n;
                    su += m * share * e * e;
                    sw += m * share * d * d;
                    suw += m * share * e * d;
                    uuw += m * share * e * e * d;
                }
                double w = (double) c.volume() / inspection.totalVolume();
                if (se != null) {
                    assertEquals((m - 1.0) / m * se * se, su, 1e-12 * su, design.getKey() + " " + c.name() + ": factor");
                }
                double secondOrder = su - 2 * uuw + 3 * su * sw + 5 * suw * suw;
                ClusterSums sums = ClusterSums.of(incidents);
                assertNotNull(sums, design.getKey() + " " + c.name());
                assertEquals(secondOrder, sums.variance(), 4.0 / ((double) m * m) * secondOrder,
                        design.getKey() + " " + c.name() + ": exact bootstrap variance");
                allCrimeBootstrap += w * w * sums.variance();
                allCrimeFactored += w * w * su;
                checked++;
            }
            // all crime: the strata add up; R's all-crime variance is the sum of the factored ones
            // only when every category is in R's reference (it is for these designs)
            Double se = rStandardErrors.get(design.getKey() + "|all crime");
            double rFactored = 0;
            boolean complete = true;
            for (AuditedCategory c : inspection.categories()) {
                Double categorySe = rStandardErrors.get(design.getKey() + "|" + c.name());
                if (categorySe == null) {
                    complete = false;
                    continue;
                }
                long m = c.incidents().orElseThrow().count();
                double w = (double) c.volume() / inspection.totalVolume();
                rFactored += w * w * (m - 1.0) / m * categorySe * categorySe;
            }
            if (complete && se != null) {
                assertEquals(rFactored, allCrimeFactored, 1e-12 * rFactored, design.getKey() + ": all crime factor");
            }
            IncidentStatistic all = new IncidentResampler(Bootstrap.withDefaults()).statistic(inspection);
            assertEquals(allCrimeBootstrap, all.bootstrapVariance(), 1e-15, design.getKey());
        }
        assertEquals(26, checked, "categories checked");
    }

    /**
     * Ours against a plain cluster bootstrap written here (one random index per incident, as a
     * numpy user would write it), both against the exact bootstrap variance of all crime: the
     * variance of B replicates has a Monte Carlo standard error sigma^2 sqrt((kurtosis - 1)/B), the
     * kurtosis taken from the plain replicates; the mean's is sigma/sqrt(B).
     */
    @Test
    void agreesWithAPlainClusterBootstrap() {
        Inspection inspection = referenceInspections().get("cambridgeshire-like");
        IncidentStatistic statistic = new IncidentResampler(Bootstrap.withDefaults()).statistic(inspection);
        double exactVariance = statistic.bootstrapVariance();
        double exactMean = statistic.bootstrapMean();
        int plainReplicates = 40_000;
        double[] plain = plainClusterBootstrap(inspection, plainReplicates, 2024);
        double mean = 0;
        for (double v : plain) {
            mean += v;
        }
        mean /= plainReplicates;
        double m2 = 0;
        double m4 = 0;
        for (double v : plain) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= plainReplicates;
        m4 /= plainReplicates;
        double kurtosis = m4 / (m2 * m2);
        assertTrue(kurtosis > 2.5 && kurtosis < 4, "kurtosis " + kurtosis);
        assertEquals(exactVariance, m2 * plainReplicates / (plainReplicates - 1.0),
                SIGMAS * exactVariance * Math.sqrt((kurtosis - 1) / plainReplicates), "plain: variance");
        assertEquals(exactMean, mean, SIGMAS * Math.sqrt(exactVariance / plainReplicates), "plain: mean");

        int replicates = 400_000;
        BootstrapEstimate ours = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(replicates)
                .withSeed(2025).allCrime(inspection);
        double ourVariance = ours.standardError() * ours.standardError();
        assertEquals(exactVariance, ourVariance, SIGMAS * exactVariance * Math.sqrt((kurtosis - 1) / replicates),
                "ours: variance");
        assertEquals(exactMean, ours.estimate() + ours.bias(), SIGMAS * Math.sqrt(exactVariance / replicates),
                "ours: mean");
    }

    /** The all-crime rate of B replicates, each category's m incidents drawn one index at a time. */
    static double[] plainClusterBootstrap(Inspection inspection, int replicates, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<long[][]> strata = new ArrayList<>();
        double[] weights = new double[inspection.categories().size()];
        int h = 0;
        for (AuditedCategory c : inspection.categories()) {
            strata.add(flatten(c.incidents().orElseGet(() -> Incidents.ofSingleCrimes(c.tally()))));
            weights[h++] = (double) c.volume() / inspection.totalVolume();
        }
        double[] out = new double[replicates];
        for (int b = 0; b < replicates; b++) {
            double t = 0;
            for (int s = 0; s < strata.size(); s++) {
                long[][] units = strata.get(s);
                long r = 0;
                long a = 0;
                for (int j = 0; j < units.length; j++) {
                    long[] unit = units[random.nextInt(units.length)];
                    a += unit[0];
                    r += unit[1];
                }
                t += weights[s] * r / a;
            }
            out[b] = t;
        }
        return out;
    }

    /**
     * The exact bootstrap (convolution of the categories' distributions) against 400,000 Monte
     * Carlo replicates: each percentile bound within 5 of its Monte Carlo standard errors plus the
     * lattice error.
     */
    @Test
    void exactIntervalIsTheLimitOfTheMonteCarloOne() {
        Inspection inspection = referenceInspections().get("six-categories");
        BootstrapEstimate exact = Bootstrap.withDefaults().with(BootstrapInterval.EXACT).allCrime(inspection);
        BootstrapEstimate drawn = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(400_000)
                .withSeed(31).allCrime(inspection);
        double error = drawn.monteCarlo().orElseThrow().standardError();
        double lattice = exact.latticeError().orElseThrow();
        assertTrue(lattice > 0 && lattice < 1e-6, "six categories need the lattice: " + lattice);
        assertEquals(exact.lower(), drawn.lower(), SIGMAS * error + lattice);
        assertEquals(exact.upper(), drawn.upper(), SIGMAS * error + lattice);
        assertEquals(exact.standardError(), Math.sqrt(new IncidentResampler(Bootstrap.withDefaults())
                .statistic(inspection).bootstrapVariance()), 1e-15);
        // one category: the atoms themselves, no lattice
        AuditedCategory violence = inspection.categories().get(0);
        BootstrapInspectionEstimate rows = Bootstrap.withDefaults().with(BootstrapInterval.EXACT)
                .estimate(new Inspection("violence alone", List.of(violence)));
        assertEquals(0.0, rows.categories().get(0).rate().latticeError().orElseThrow());
        ClusterSums sums = ClusterSums.of(violence.incidents().orElseThrow());
        double below = 0;
        int i = 0;
        while (below + sums.probabilities()[i] < 0.025) {
            below += sums.probabilities()[i++];
        }
        assertEquals(sums.value(i), rows.categories().get(0).rate().lower(), "inf{t : F(t) >= 0.025}");
    }

    /**
     * The kernels drawn for one category at three numbers of replicates (the tally drawn at once
     * from 8 replicates per value, counted from 2, one by one below), each against the exact
     * variance and mean; and all crime pattern by pattern (the studentized kernel's draws).
     */
    @Test
    void everyKernelDrawsTheBootstrapDistribution() {
        Inspection inspection = referenceInspections().get("cambridgeshire-like");
        AuditedCategory violence = inspection.categories().get(0);
        ClusterSums sums = ClusterSums.of(violence.incidents().orElseThrow());
        int d = sums.size();
        double variance = sums.variance();
        // kurtosis of a near-normal distribution: 3 within 10% here (checked from the atoms)
        double m4 = 0;
        double mean = sums.mean();
        for (int i = 0; i < d; i++) {
            m4 += sums.probabilities()[i] * Math.pow(sums.value(i) - mean, 4);
        }
        double kurtosis = m4 / (variance * variance);
        for (int replicates : new int[] {8 * d + 1, 3 * d, d / 2}) {
            BootstrapEstimate e = Bootstrap.withDefaults().with(BootstrapInterval.PERCENTILE).withReplicates(replicates)
                    .withSeed(replicates).estimate(new Inspection("one", List.of(violence))).categories().get(0).rate();
            assertEquals(variance, e.standardError() * e.standardError(),
                    SIGMAS * variance * Math.sqrt((kurtosis - 1) / replicates), replicates + " replicates: variance");
            assertEquals(mean, e.estimate() + e.bias(), SIGMAS * Math.sqrt(variance / replicates),
                    replicates + " replicates: mean");
        }
        IncidentStatistic all = new IncidentResampler(Bootstrap.withDefaults()).statistic(inspection);
        int replicates = 100_000;
        MonteCarloDistribution patterns = ReplicateRuns.run(() -> IncidentResampler.patternsKernel(all, 0.9, false),
                replicates, 77, 2, ProgressListener.NONE, new Cancellation(),
                IncidentResampler.summary(all, 0.9, false));
        double v = all.bootstrapVariance();
        assertEquals(v, patterns.variance(), SIGMAS * v * Math.sqrt(2.0 * 1.2 / replicates), "patterns: variance");
        assertEquals(all.bootstrapMean(), patterns.mean(), SIGMAS * Math.sqrt(v / replicates), "patterns: mean");
        assertEquals(all.bootstrapVariance(), patterns.variance(), 0.05 * v);
    }

    /**
     * The packed table the replicate-by-replicate kernel reads draws, for every 32 random bits,
     * the rate of the index the alias table draws: the same distribution as the tally kernels,
     * which draw from the same table's masses.
     */
    @Test
    void packedTableDrawsWhatTheAliasTableDraws() {
        ClusterSums sums = ClusterSums.of(referenceInspections().get("cambridgeshire-like").categories().get(0)
                .incidents().orElseThrow());
        double[] packed = sums.packed();
        int bits = Integer.numberOfTrailingZeros(packed.length / 3);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            int r = random.nextInt();
            assertEquals(sums.value((int) sums.sampler().sample32(r)),
                    org.recordingrate.internal.AliasSampler.samplePacked32(packed, bits, r));
        }
    }

    /** Replicates not kept (found again by drawing them anew) give the same quantiles as kept ones. */
    @Test
    void replayedReplicatesGiveTheKeptOnesQuantiles() {
        Inspection inspection = referenceInspections().get("cambridgeshire-like");
        IncidentStatistic all = new IncidentResampler(Bootstrap.withDefaults()).statistic(inspection);
        double estimate = all.loopEstimate();
        int replicates = 3 * Blocks.SIZE + 101;
        for (boolean studentized : new boolean[] {false, true}) {
            java.util.function.Supplier<ReplicateRuns.Kernel> kernel = studentized
                    ? () -> IncidentResampler.patternsKernel(all, estimate, true)
                    : () -> IncidentResampler.atomsKernel(all, estimate);
            ReplicateRuns.Summary summary = IncidentResampler.summary(all, estimate, studentized);
            MonteCarloDistribution kept = ReplicateRuns.run(kernel, replicates, 5, 2, ProgressListener.NONE,
                    new Cancellation(), summary);
            MonteCarloDistribution replayed = ReplicateRuns.run(kernel, replicates, 5, 3, ProgressListener.NONE,
                    new Cancellation(), summary, 1000);
            double[] levels = {0, 1e-4, 0.025, 0.5, 0.975, 1 - 1e-4, 1};
            assertArrayEquals(kept.quantiles(levels), replayed.quantiles(levels), "studentized " + studentized);
            assertEquals(kept.variance(), replayed.variance());
            assertEquals(kept.shareBelow(TieCounting.HALF), replayed.shareBelow(TieCounting.HALF));
            double[] sorted = kept.sortedValues();
            for (int rank : new int[] {0, 17, replicates / 2, replicates - 1}) {
                assertEquals(sorted[rank], replayed.quantiles((rank + 1.0) / (replicates + 1))[0], "rank " + rank);
            }
        }
        // a bucket too full to gather is split again: a one-category statistic whose values crowd
        IncidentStatistic one = new IncidentResampler(Bootstrap.withDefaults())
                .statistic(new Inspection("x", List.of(inspection.categories().get(1))));
        ReplicateRuns.Summary summary = IncidentResampler.summary(one, one.loopEstimate(), false);
        MonteCarloDistribution kept = ReplicateRuns.run(() -> IncidentResampler.atomsKernel(one, one.loopEstimate()),
                200_000, 6, 2, ProgressListener.NONE, new Cancellation(), summary);
        MonteCarloDistribution replayed = ReplicateRuns.run(() -> IncidentResampler.atomsKernel(one,
                one.loopEstimate()), 200_000, 6, 2, ProgressListener.NONE, new Cancellation(), summary, 10);
        assertArrayEquals(kept.quantiles(0.025, 0.3, 0.975), replayed.quantiles(0.025, 0.3, 0.975));
    }

    @Test
    void sameResultsForAnyNumberOfThreads() {
        Inspection inspection = referenceInspections().get("cambridgeshire-like");
        Inspection before = referenceInspections().get("shared-incidents");
        for (BootstrapInterval interval : BootstrapInterval.values()) {
            if (interval == BootstrapInterval.EXACT) {
                continue;   // no threads: a convolution
            }
            // one block and a part; several blocks kept one by one; the tally counted and drawn at once
            int[] counts = interval == BootstrapInterval.PERCENTILE ? new int[] {2_001, 3 * Blocks.SIZE + 7, 150_000, 400_000}
                    : interval == BootstrapInterval.STUDENTIZED ? new int[] {Blocks.SIZE + 7}
                    : new int[] {2_001, 3 * Blocks.SIZE + 7};
            for (int replicates : counts) {
                Bootstrap settings = Bootstrap.withDefaults().with(interval).withReplicates(replicates).withSeed(8);
                BootstrapInspectionEstimate one = settings.withThreads(1).estimate(inspection);
                BootstrapInspectionChange oneChange = settings.withThreads(1).compare(before, inspection);
                for (int threads : new int[] {2, 16}) {
                    assertEquals(one, settings.withThreads(threads).estimate(inspection), interval + " " + replicates);
                    assertEquals(oneChange, settings.withThreads(threads).compare(before, inspection));
                }
            }
        }
    }

    /**
     * BCa's acceleration is the stratified cluster jackknife: computed here by leaving each
     * incident out and recomputing the statistic, a = sum_h m_h^-3 sum l^3 / (6 (sum_h m_h^-2 sum
     * l^2)^1.5) with l = (m_h - 1)(T - T(-i)) (Davison and Hinkley 1997, sections 3.8 and 5.3).
     */
    @Test
    void accelerationIsTheClusterJackknife() {
        Inspection inspection = referenceInspections().get("six-categories");
        double third = 0;
        double second = 0;
        double total = inspection.totalVolume();
        double[] rates = new double[inspection.categories().size()];
        long[][] sums = new long[rates.length][2];
        for (int h = 0; h < rates.length; h++) {
            AuditedCategory c = inspection.categories().get(h);
            sums[h] = new long[] {c.tally().recorded(), c.tally().audited()};
        }
        for (int h = 0; h < rates.length; h++) {
            AuditedCategory c = inspection.categories().get(h);
            long[][] units = flatten(c.incidents().orElseThrow());
            int m = units.length;
            double t = 0;
            for (int j = 0; j < rates.length; j++) {
                t += inspection.categories().get(j).volume() / total * sums[j][0] / sums[j][1];
            }
            double s3 = 0;
            double s2 = 0;
            for (long[] unit : units) {
                double left = 0;
                for (int j = 0; j < rates.length; j++) {
                    double r = j == h ? sums[j][0] - unit[1] : sums[j][0];
                    double a = j == h ? sums[j][1] - unit[0] : sums[j][1];
                    left += inspection.categories().get(j).volume() / total * r / a;
                }
                double l = (m - 1) * (t - left);
                s3 += l * l * l;
                s2 += l * l;
            }
            third += s3 / Math.pow(m, 3);
            second += s2 / Math.pow(m, 2);
        }
        double expected = third / (6 * Math.pow(second, 1.5));
        IncidentStatistic statistic = new IncidentResampler(Bootstrap.withDefaults()).statistic(inspection);
        assertEquals(expected, statistic.acceleration(), 1e-9 * Math.abs(expected));
    }

    @Test
    void studentizedIsOfferedWhereEveryCategoryHasTwoIncidentsAndRefusedOtherwise() {
        Inspection inspection = referenceInspections().get("cambridgeshire-like");
        BootstrapInspectionEstimate e = Bootstrap.withDefaults().with(BootstrapInterval.STUDENTIZED)
                .withReplicates(20_000).withSeed(3).estimate(inspection);
        BootstrapInspectionEstimate bca = Bootstrap.withDefaults().withReplicates(20_000).withSeed(3).estimate(inspection);
        // the two second-order intervals agree to a fraction of a standard error
        assertEquals(bca.allCrime().rate().lower(), e.allCrime().rate().lower(), 0.3 * bca.allCrime().rate().standardError());
        assertEquals(bca.allCrime().rate().upper(), e.allCrime().rate().upper(), 0.3 * bca.allCrime().rate().standardError());
        Inspection two = referenceInspections().get("two-incidents-in-a-category");
        Inspection lonely = new Inspection("lonely", List.of(two.categories().get(0), AuditedCategory.of(
                Category.of("robbery", 500), incidents(new long[] {3, 2, 1}))));
        ArgumentException refused = assertThrows(ArgumentException.class, () -> Bootstrap.withDefaults()
                .with(BootstrapInterval.STUDENTIZED).withReplicates(1000).estimate(lonely));
        assertEquals("interval", refused.argument());
        assertTrue(refused.getMessage().contains("'robbery' has one incident"), refused.getMessage());
    }
}
