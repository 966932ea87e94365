package org.recordingrate.resample;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;

import org.recordingrate.error.ArgumentException;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.internal.InversionSampler;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Incidents;
import org.recordingrate.model.Inspection;

/**
 * The stratified cluster bootstrap of inspections whose categories carry their incidents, at
 * the speed of the tallies' bootstrap: within a category, incidents with the same (crimes,
 * recorded) pattern are exchangeable, and every statistic depends on a replicate only through
 * each category's sums (R*, A*), whose whole bootstrap distribution {@link ClusterSums} computes
 * once. So a replicate costs one table look-up per category, never one random index per incident
 * (the plain way, {@link RecordBootstrap}'s unit loop); and where the joint values are few the
 * tally of B replicates is drawn at once, at a cost that does not grow with B.
 *
 * <p>How a statistic (one category, all crime, a change) is drawn, decided by the replicates and
 * the categories alone, never by the threads:
 * <ol>
 *   <li><b>the exact distribution</b> ({@link BootstrapInterval#EXACT}): the categories' rate
 *       distributions convolved ({@link ExactDistribution}), no Monte Carlo error;</li>
 *   <li><b>the tally drawn at once</b>: when the joint cells (the product of the categories'
 *       numbers of distinct rates) are at most {@link CountTally#MAX_CELLS} and B is at least
 *       {@link CountTally#DRAW_THE_TALLY} times them, the counts of B replicates over the cells are
 *       Multinomial(B, cell probabilities), drawn as a chain of binomials in decreasing mass, one
 *       generator in a fixed order (as {@link CountTally#drawCounts});</li>
 *   <li><b>counted replicate by replicate</b>: when the cells are at most half of B, each
 *       replicate's categories drawn from their alias tables ({@code AliasSampler.sample32}, two
 *       draws per random {@code long}) and counted in its cell;</li>
 *   <li><b>replicate by replicate</b>: otherwise, the same draws, the values kept (or found again
 *       in bounded memory, {@link ReplicateRuns});</li>
 *   <li><b>pattern by pattern</b>: for the studentized interval (whose standard error needs more
 *       than the sums) and for a category too large for {@link ClusterSums}: each replicate draws
 *       the multinomial counts of the category's patterns as a chain of binomials
 *       ({@code InversionSampler.binomialDraw}, one uniform each).</li>
 * </ol>
 * Kernels 2 to 4 draw from the same tables (probabilities rounded to 2<sup>-32</sup>), so they
 * give the same distribution; each is the same for any number of threads.
 *
 * <p>Studentized: the standard error of a replicate is the linearisation one over its drawn
 * incidents, sqrt(sum w<sub>h</sub>&sup2; m<sub>h</sub>/(m<sub>h</sub> - 1) sum (r - p*c)&sup2;&#47;A*<sup>2</sup>)
 * (R's {@code svymean} without finite population correction); defined when every category has
 * at least two incidents, refused otherwise.
 */
final class IncidentResampler implements Bootstrap.Resampler {

    private final Bootstrap settings;
    private final Map<AuditedCategory, ClusterSums> sums = new IdentityHashMap<>();

    IncidentResampler(Bootstrap settings) {
        this.settings = settings;
    }

    /** A category's incidents: its own, or its crimes as incidents of one crime each. */
    static Incidents incidents(AuditedCategory category) {
        return category.incidents().orElseGet(() -> Incidents.ofSingleCrimes(category.tally()));
    }

    /** The category's bootstrap distribution of its rate, computed once per resampler (null when too large). */
    ClusterSums sums(AuditedCategory category) {
        synchronized (sums) {
            if (!sums.containsKey(category)) {
                Incidents incidents = incidents(category);
                sums.put(category, category.incidents().isPresent() ? ClusterSums.of(incidents)
                        : ClusterSums.binomial(category.tally()));
            }
            return sums.get(category);
        }
    }

    private IncidentStatistic.Stratum stratum(AuditedCategory category, long sign, long volume, long total) {
        return new IncidentStatistic.Stratum(category.name(), incidents(category), sums(category),
                sign * (double) volume / total, BigInteger.valueOf(sign * volume), BigInteger.valueOf(total));
    }

    private List<IncidentStatistic.Stratum> strata(Inspection inspection, long sign) {
        List<IncidentStatistic.Stratum> strata = new ArrayList<>();
        long total = inspection.totalVolume();
        for (AuditedCategory c : inspection.categories()) {
            strata.add(stratum(c, sign, c.volume(), total));
        }
        return strata;
    }

    /** The all-crime statistic of an inspection, every category by incident (tests use it). */
    IncidentStatistic statistic(Inspection inspection) {
        return new IncidentStatistic(strata(inspection, 1), 0, 1);
    }

    @Override
    public BootstrapEstimate category(AuditedCategory category, double estimate, SplittableGenerator stream) {
        return run(new IncidentStatistic(List.of(stratum(category, 1, 1, 1)), 0, 1), estimate, stream);
    }

    @Override
    public BootstrapEstimate allCrime(Inspection inspection, double estimate, SplittableGenerator stream) {
        return run(new IncidentStatistic(strata(inspection, 1), 0, 1), estimate, stream);
    }

    @Override
    public BootstrapEstimate change(AuditedCategory before, AuditedCategory after, double estimate,
                                    SplittableGenerator stream) {
        return run(new IncidentStatistic(List.of(stratum(after, 1, 1, 1), stratum(before, -1, 1, 1)), -1, 1),
                estimate, stream);
    }

    @Override
    public BootstrapEstimate change(Inspection before, Inspection after, double estimate, SplittableGenerator stream) {
        List<IncidentStatistic.Stratum> strata = new ArrayList<>(strata(after, 1));
        strata.addAll(strata(before, -1));
        return run(new IncidentStatistic(strata, -1, 1), estimate, stream);
    }

    /** This configuration's interval on {@code statistic}, drawn from {@code stream}. */
    BootstrapEstimate run(IncidentStatistic statistic, double estimate, SplittableGenerator stream) {
        return settings.result(distribution(statistic, estimate, stream), estimate);
    }

    /** The bootstrap distribution this configuration uses for {@code statistic} (see the class comment). */
    Distribution distribution(IncidentStatistic statistic, double estimate, SplittableGenerator stream) {
        BootstrapInterval interval = settings.interval();
        if (interval == BootstrapInterval.EXACT) {
            return exact(statistic, estimate);
        }
        int replicates = settings.replicates();
        boolean studentized = interval.studentized();
        if (studentized) {
            for (int h = 0; h < statistic.size(); h++) {
                if (statistic.stratum(h).incidents().count() < 2) {
                    throw new ArgumentException("interval", "interval (studentized) needs a standard error in every"
                            + " category, and category '" + statistic.stratum(h).name() + "' has one incident: its"
                            + " linearisation variance is not defined; use percentile, basic, normal or bca");
                }
            }
        }
        if (!studentized && statistic.allSums()) {
            long cells = 1;
            for (int h = 0; h < statistic.size() && cells <= CountTally.MAX_CELLS; h++) {
                cells *= statistic.stratum(h).sums().size();
            }
            if (cells <= CountTally.MAX_CELLS && replicates >= (long) CountTally.DRAW_THE_TALLY * cells) {
                return cellDistribution(statistic, estimate, drawTally(statistic, (int) cells, replicates, stream));
            }
            if (cells <= Math.min(CountTally.MAX_CELLS, replicates / 2)) {
                return cellDistribution(statistic, estimate, countCells(statistic, (int) cells, replicates, stream));
            }
            return ReplicateRuns.run(() -> new AtomsKernel(statistic, estimate), replicates, stream.nextLong(),
                    settings.threads(), settings.progress(), settings.cancellation(), summary(statistic, estimate, false));
        }
        return ReplicateRuns.run(() -> new PatternsKernel(statistic, estimate, studentized), replicates,
                stream.nextLong(), settings.threads(), settings.progress(), settings.cancellation(),
                summary(statistic, estimate, studentized));
    }

    /** The replicate-by-replicate kernel of {@code statistic} (every stratum's sums present), for tests. */
    static ReplicateRuns.Kernel atomsKernel(IncidentStatistic statistic, double estimate) {
        return new AtomsKernel(statistic, estimate);
    }

    /** The pattern-by-pattern kernel of {@code statistic}, for tests. */
    static ReplicateRuns.Kernel patternsKernel(IncidentStatistic statistic, double estimate, boolean studentized) {
        return new PatternsKernel(statistic, estimate, studentized);
    }

    static ReplicateRuns.Summary summary(IncidentStatistic statistic, double estimate, boolean studentized) {
        double se = Math.sqrt(statistic.linearisedVariance());
        return new ReplicateRuns.Summary(estimate, studentized ? 0 : estimate, studentized ? 1 : statistic.spread(),
                statistic.acceleration(), Double.isNaN(se) ? statistic.spread() : se, statistic.lowest(),
                statistic.highest());
    }

    /**
     * The exact bootstrap distribution: each category's rates, weighted, convolved.
     *
     * @throws ArgumentException (argument {@code interval}) when a category's distribution is too
     *                           large to compute
     */
    private ExactDistribution exact(IncidentStatistic statistic, double estimate) {
        int k = statistic.size();
        double[][] values = new double[k][];
        double[][] probabilities = new double[k][];
        for (int h = 0; h < k; h++) {
            IncidentStatistic.Stratum s = statistic.stratum(h);
            if (s.sums() == null) {
                Incidents i = s.incidents();
                throw new ArgumentException("interval", String.format(Locale.ROOT, "interval (exact) needs the"
                        + " bootstrap distribution of every category's sums, at most %,d cells and %,.0f steps of"
                        + " work; category '%s' (%s, %d of %d crimes recorded) would need about %,.0f cells and %,.0f"
                        + " steps: use another interval (percentile, bca, ...)", ClusterSums.MAX_CELLS,
                        ClusterSums.MAX_WORK, s.name(), i, i.recorded(), i.crimes(), ClusterSums.estimatedCells(i),
                        ClusterSums.estimatedWork(i)));
            }
            double[] rates = s.sums().values();
            values[h] = new double[rates.length];
            for (int j = 0; j < rates.length; j++) {
                values[h][j] = s.weight() * rates[j];
            }
            probabilities[h] = s.sums().probabilities();
            if (s.weight() < 0) {
                values[h] = reversed(values[h]);
                probabilities[h] = reversed(probabilities[h]);
            }
        }
        double se = Math.sqrt(statistic.linearisedVariance());
        ExactDistribution.Shape shape = new ExactDistribution.Shape(statistic.lowest(), statistic.highest(),
                statistic.bootstrapMean(), statistic.bootstrapVariance(), statistic.loopEstimate(), statistic.band(),
                statistic.acceleration(), Double.isNaN(se) ? Math.sqrt(statistic.bootstrapVariance()) : se);
        return ExactDistribution.ofMany(values, probabilities, shape, estimate);
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    /** The strides of the cells: the last category fastest. */
    private static int[] strides(IncidentStatistic statistic) {
        int k = statistic.size();
        int[] strides = new int[k];
        int stride = 1;
        for (int h = k - 1; h >= 0; h--) {
            strides[h] = stride;
            stride *= statistic.stratum(h).sums().size();
        }
        return strides;
    }

    /**
     * The counts of B replicates over the cells drawn at once: Multinomial(B, &pi;), &pi; the
     * products of the categories' table masses (2<sup>-32</sup> units, exactly those
     * {@code AliasSampler.sample32} draws), category by category as a chain of binomials over the
     * category's rates in decreasing mass (so the chain stops after the likely ones), one uniform a
     * binomial from one generator split from {@code stream}, in this fixed order.
     */
    private int[] drawTally(IncidentStatistic statistic, int cells, int replicates, SplittableGenerator stream) {
        int k = statistic.size();
        long[][] masses = new long[k][];
        int[][] offsets = new int[k][];
        int[] strides = strides(statistic);
        for (int h = 0; h < k; h++) {
            long[] mass = statistic.stratum(h).sums().sampler().masses32();
            Integer[] order = new Integer[mass.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> mass[a] != mass[b] ? Long.compare(mass[b], mass[a]) : Integer.compare(a, b));
            masses[h] = new long[mass.length];
            offsets[h] = new int[mass.length];
            for (int i = 0; i < order.length; i++) {
                masses[h][i] = mass[order[i]];
                offsets[h][i] = order[i] * strides[h];
            }
        }
        int[] counts = new int[cells];
        CountTally.drawChain(counts, masses, offsets, 0, replicates, 0, stream.split(), settings.progress(),
                settings.cancellation());
        return counts;
    }

    /** The counts over the cells, replicate by replicate, in fixed blocks (integer sums: the same on any threads). */
    private int[] countCells(IncidentStatistic statistic, int cells, int replicates, SplittableGenerator stream) {
        int k = statistic.size();
        AliasSampler[] samplers = new AliasSampler[k];
        for (int h = 0; h < k; h++) {
            samplers[h] = statistic.stratum(h).sums().sampler();
        }
        int[] strides = strides(statistic);
        int workers = (int) Math.max(1, Math.min(settings.threads(), 2L * replicates / cells));
        List<int[]> all = Blocks.run(replicates, Blocks.source(stream.nextLong()), settings.threads(), workers,
                settings.progress(), settings.cancellation(), () -> new int[cells],
                (counts, block, from, count, random) -> {
                    for (int i = 0; i < count; i += 2) {
                        int first = 0;
                        int second = 0;
                        for (int h = 0; h < k; h++) {
                            long bits = random.nextLong();
                            first += (int) samplers[h].sample32((int) (bits >>> 32)) * strides[h];
                            second += (int) samplers[h].sample32((int) bits) * strides[h];
                        }
                        counts[first]++;
                        if (i + 1 < count) {
                            counts[second]++;
                        }
                    }
                });
        return CountTally.sum(all);
    }

    /**
     * The distribution of tallied replicates: each occupied cell's rates decoded (the last category
     * fastest), its value added up in category order and compared exactly with the estimate.
     */
    private static MonteCarloDistribution cellDistribution(IncidentStatistic statistic, double estimate, int[] counts) {
        int k = statistic.size();
        int occupied = 0;
        for (int c : counts) {
            occupied += c != 0 ? 1 : 0;
        }
        double[] values = new double[occupied];
        int[] weights = new int[occupied];
        int[] index = new int[k];
        double[] rates = new double[k];
        long[] recorded = new long[k];
        long[] audited = new long[k];
        double sum = 0;
        double squares = 0;
        long below = 0;
        long equal = 0;
        int at = 0;
        for (int c = 0; c < counts.length; c++) {
            int n = counts[c];
            if (n != 0) {
                for (int h = 0; h < k; h++) {
                    ClusterSums s = statistic.stratum(h).sums();
                    rates[h] = s.value(index[h]);
                    recorded[h] = s.numerator(index[h]);
                    audited[h] = s.denominator(index[h]);
                }
                double raw = statistic.sum(rates);
                int sign = statistic.sign(raw, recorded, audited);
                double t = statistic.clamp(raw);
                below += sign < 0 ? n : 0;
                equal += sign == 0 ? n : 0;
                double e = t - estimate;
                sum += n * e;
                squares += n * (e * e);
                values[at] = t;
                weights[at++] = n;
            }
            for (int h = k - 1; h >= 0; h--) {
                if (++index[h] < statistic.stratum(h).sums().size()) {
                    break;
                }
                index[h] = 0;
            }
        }
        double se = Math.sqrt(statistic.linearisedVariance());
        return new MonteCarloDistribution(values, weights, occupied, estimate, sum, squares, below, equal,
                statistic.acceleration(), Double.isNaN(se) ? statistic.spread() : se, statistic.lowest(),
                statistic.highest());
    }

    /**
     * Replicate by replicate from the categories' alias tables: two replicates per round, one
     * random long per category. Each category's table is packed with its rates
     * ({@code AliasSampler.packed32}: threshold, own rate and alias rate side by side), so a draw
     * reads one place of a table of tens of thousands of values: one cache miss, not three. A
     * replicate near the estimate finds its rates' fractions again by binary search (the rates are
     * distinct and sorted) and is compared exactly.
     */
    private static final class AtomsKernel implements ReplicateRuns.Kernel {
        private final IncidentStatistic statistic;
        private final double estimate;
        private final double[][] packed;
        private final int[] bits;
        private final double[] weights;
        private final double[] first;
        private final double[] second;
        private final long[] recorded;
        private final long[] audited;

        AtomsKernel(IncidentStatistic statistic, double estimate) {
            this.statistic = statistic;
            this.estimate = estimate;
            int k = statistic.size();
            packed = new double[k][];
            bits = new int[k];
            weights = new double[k];
            for (int h = 0; h < k; h++) {
                ClusterSums s = statistic.stratum(h).sums();
                packed[h] = s.packed();
                bits[h] = Integer.numberOfTrailingZeros(packed[h].length / 3);
                weights[h] = statistic.stratum(h).weight();
            }
            first = new double[k];
            second = new double[k];
            recorded = new long[k];
            audited = new long[k];
        }

        @Override
        public void draw(int count, RandomGenerator random, double[] values, ReplicateRuns.Sums sums) {
            int k = packed.length;
            double theta = statistic.loopEstimate();
            double band = statistic.band();
            for (int i = 0; i < count; i += 2) {
                // the same order of additions as the estimate's: 0 + w1 v1 + w2 v2 + ...
                double t1 = 0;
                double t2 = 0;
                for (int h = 0; h < k; h++) {
                    long bits64 = random.nextLong();
                    double a = AliasSampler.samplePacked32(packed[h], bits[h], (int) (bits64 >>> 32));
                    double b = AliasSampler.samplePacked32(packed[h], bits[h], (int) bits64);
                    first[h] = a;
                    second[h] = b;
                    t1 += weights[h] * a;
                    t2 += weights[h] * b;
                }
                values[i] = record(t1, first, theta, band, sums);
                if (i + 1 < count) {
                    values[i + 1] = record(t2, second, theta, band, sums);
                }
            }
        }

        private double record(double raw, double[] rates, double theta, double band, ReplicateRuns.Sums sums) {
            double d = raw - theta;
            int sign;
            if (Math.abs(d) > band) {
                sign = d < 0 ? -1 : 1;
            } else {
                for (int h = 0; h < rates.length; h++) {
                    ClusterSums s = statistic.stratum(h).sums();
                    int index = java.util.Arrays.binarySearch(s.values(), rates[h]);
                    recorded[h] = s.numerator(index);
                    audited[h] = s.denominator(index);
                }
                sign = statistic.exactSign(recorded, audited);
            }
            double t = statistic.clamp(raw);
            sums.add(t - estimate, sign);
            return t;
        }
    }

    /**
     * Replicate by replicate, each category's pattern counts drawn as a multinomial (a chain of
     * binomials, patterns in decreasing number, one uniform each): the draw of m incidents with
     * replacement itself, summarised. Gives the linearisation variance of the replicate too.
     */
    private static final class PatternsKernel implements ReplicateRuns.Kernel {
        private final IncidentStatistic statistic;
        private final double estimate;
        private final boolean studentized;
        private final long[][] crimes;
        private final long[][] recordedOf;
        private final long[][] counts;
        private final long[] incidents;
        private final long[][] drawn;
        private final long[] recorded;
        private final long[] audited;
        private final double[] rates;

        PatternsKernel(IncidentStatistic statistic, double estimate, boolean studentized) {
            this.statistic = statistic;
            this.estimate = estimate;
            this.studentized = studentized;
            int k = statistic.size();
            crimes = new long[k][];
            recordedOf = new long[k][];
            counts = new long[k][];
            incidents = new long[k];
            drawn = new long[k][];
            for (int h = 0; h < k; h++) {
                List<Incidents.Group> groups = new ArrayList<>(statistic.stratum(h).incidents().groups());
                groups.sort((a, b) -> Long.compare(b.incidents(), a.incidents()));
                int g = groups.size();
                crimes[h] = new long[g];
                recordedOf[h] = new long[g];
                counts[h] = new long[g];
                drawn[h] = new long[g];
                for (int j = 0; j < g; j++) {
                    crimes[h][j] = groups.get(j).crimes();
                    recordedOf[h][j] = groups.get(j).recorded();
                    counts[h][j] = groups.get(j).incidents();
                    incidents[h] += counts[h][j];
                }
            }
            recorded = new long[k];
            audited = new long[k];
            rates = new double[k];
        }

        @Override
        public void draw(int count, RandomGenerator random, double[] values, ReplicateRuns.Sums sums) {
            int k = crimes.length;
            double theta = statistic.loopEstimate();
            for (int i = 0; i < count; i++) {
                double variance = 0;
                for (int h = 0; h < k; h++) {
                    long[] n = counts[h];
                    long[] x = drawn[h];
                    long left = incidents[h];
                    long rest = incidents[h];
                    long r = 0;
                    long a = 0;
                    for (int g = 0; g < n.length; g++) {
                        long got;
                        if (left == 0) {
                            got = 0;
                        } else if (g == n.length - 1 || n[g] == rest) {
                            got = left;
                        } else {
                            got = InversionSampler.binomialDraw(left, (double) n[g] / rest,
                                    (double) (rest - n[g]) / rest, (random.nextLong() >>> 11) * 0x1.0p-53);
                        }
                        x[g] = got;
                        rest -= n[g];
                        left -= got;
                        r += got * recordedOf[h][g];
                        a += got * crimes[h][g];
                    }
                    recorded[h] = r;
                    audited[h] = a;
                    rates[h] = (double) r / a;
                    if (studentized) {
                        double p = rates[h];
                        double s = 0;
                        for (int g = 0; g < n.length; g++) {
                            double e = recordedOf[h][g] - p * crimes[h][g];
                            s += x[g] * e * e;
                        }
                        double m = incidents[h];
                        double w = statistic.stratum(h).weight();
                        variance += w * w * m / (m - 1) * s / ((double) a * a);
                    }
                }
                double raw = statistic.sum(rates);
                int sign = statistic.sign(raw, recorded, audited);
                double t = statistic.clamp(raw);
                sums.add(t - estimate, sign);
                values[i] = !studentized ? t : sign == 0 ? 0 : variance > 0 ? (raw - theta) / Math.sqrt(variance)
                        : sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
    }
}
