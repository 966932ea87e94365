package org.recordingrate.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGenerator.SplittableGenerator;
import java.util.random.RandomGeneratorFactory;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.recordingrate.internal.AliasSampler;
import org.recordingrate.model.AuditedCategory;
import org.recordingrate.model.Inspection;
import org.recordingrate.model.Tally;

/**
 * The replicates of {@link BinomialResampler#run} made again here, draw for draw, from the same
 * seeded generator: the sufficient-statistics bootstrap (Davison and Hinkley 1997, section 3.2:
 * resampling the n<sub>k</sub> 0/1 records of category k with replacement makes its recorded
 * count X*<sub>k</sub> ~ Binomial(n<sub>k</sub>, x<sub>k</sub>/n<sub>k</sub>), independently across
 * categories), T* = sum W<sub>k</sub> X*<sub>k</sub>/n<sub>k</sub>, and the studentized
 * (T* - t)/se* with se*&sup2; = sum W<sub>k</sub>&sup2; p*<sub>k</sub>(1 - p*<sub>k</sub>)/n<sub>k</sub>
 * (Davison and Hinkley 1997, eq. 5.10, the binomial variance of each category). The binomial
 * draws are those of {@link AliasSampler#binomial}'s table (the drawing primitive, tested on its
 * own), each from 32 random bits; the order in which the bits are used is the class Javadoc's.
 * Whether a replicate lies below or on the estimate is decided here in exact fractions.
 */
class BinomialResamplerValuesTest {

    private static final double RELATIVE = 1e-12;

    /** A statistic sum W_k X_k/n_k as the test sees it: counts and exact weights. */
    private record Design(long[] recorded, long[] audited, BigFraction[] weights) {

        int size() {
            return recorded.length;
        }

        BigFraction coefficient(int k) {
            return weights[k].divide(audited[k]);
        }

        /** The sign of T(x*) - T(x), exactly. */
        int sign(long[] draws) {
            BigFraction d = BigFraction.ZERO;
            for (int k = 0; k < size(); k++) {
                d = d.add(coefficient(k).multiply(draws[k] - recorded[k]));
            }
            return d.compareTo(BigFraction.ZERO);
        }

        double estimate() {
            BigFraction t = BigFraction.ZERO;
            for (int k = 0; k < size(); k++) {
                t = t.add(coefficient(k).multiply(recorded[k]));
            }
            return t.doubleValue();
        }
    }

    private static Design of(Inspection... inspections) {
        // one inspection: its volume weights; two (before, after): after's minus before's
        List<Long> x = new ArrayList<>();
        List<Long> n = new ArrayList<>();
        List<BigFraction> w = new ArrayList<>();
        for (int j = inspections.length - 1; j >= 0; j--) {
            Inspection inspection = inspections[j];
            int sign = j == inspections.length - 1 ? 1 : -1;
            for (AuditedCategory c : inspection.categories()) {
                x.add(c.tally().recorded());
                n.add(c.tally().audited());
                w.add(new BigFraction(sign * c.volume(), inspection.totalVolume()));
            }
        }
        return new Design(x.stream().mapToLong(Long::longValue).toArray(), n.stream().mapToLong(Long::longValue).toArray(),
                w.toArray(new BigFraction[0]));
    }

    private static Inspection inspection(long[][] categories) {
        List<AuditedCategory> list = new ArrayList<>();
        for (int i = 0; i < categories.length; i++) {
            list.add(AuditedCategory.of("category " + i, categories[i][0], categories[i][1], categories[i][2]));
        }
        return new Inspection("inspection", list);
    }

    /** What the replicates must give. */
    private record Expected(double[] values, long below, long equal, double sum, double squares) {
    }

    /**
     * The replicates of the chunked loop (one block: B &lt; 8192): chunks of 512 replicates,
     * category by category, two draws per random long (high half first), an odd last draw from
     * the high half of a long of its own.
     */
    private static Expected chunked(Design design, long seed, int b, boolean studentized) {
        int k = design.size();
        AliasSampler[] samplers = samplers(design);
        RandomGenerator random = source(seed).split();
        long[][] draws = new long[b][k];
        for (int start = 0; start < b; start += 512) {
            int m = Math.min(512, b - start);
            for (int c = 0; c < k; c++) {
                int i = 0;
                for (; i + 1 < m; i += 2) {
                    long bits = random.nextLong();
                    draws[start + i][c] = samplers[c].sample32((int) (bits >>> 32));
                    draws[start + i + 1][c] = samplers[c].sample32((int) bits);
                }
                if (i < m) {
                    draws[start + i][c] = samplers[c].sample32((int) (random.nextLong() >>> 32));
                }
            }
        }
        return expected(design, draws, studentized);
    }

    /**
     * The replicates of the loop for up to three categories: two replicates per round, each
     * category's two draws from one random long (high half to the first replicate).
     */
    private static Expected few(Design design, long seed, int b) {
        int k = design.size();
        AliasSampler[] samplers = samplers(design);
        RandomGenerator random = source(seed).split();
        long[][] draws = new long[b + 1][k];
        for (int i = 0; i < b; i += 2) {
            for (int c = 0; c < k; c++) {
                long bits = random.nextLong();
                draws[i][c] = samplers[c].sample32((int) (bits >>> 32));
                draws[i + 1][c] = samplers[c].sample32((int) bits);
            }
        }
        return expected(design, Arrays.copyOf(draws, b), false);
    }

    private static AliasSampler[] samplers(Design design) {
        AliasSampler[] samplers = new AliasSampler[design.size()];
        for (int c = 0; c < samplers.length; c++) {
            samplers[c] = AliasSampler.binomial(design.audited()[c], (double) design.recorded()[c] / design.audited()[c]);
        }
        return samplers;
    }

    private static SplittableGenerator source(long seed) {
        return (SplittableGenerator) RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    private static Expected expected(Design design, long[][] draws, boolean studentized) {
        int k = design.size();
        double estimate = design.estimate();
        double[] values = new double[draws.length];
        long below = 0;
        long equal = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < draws.length; i++) {
            double t = 0;
            double variance = 0;
            for (int c = 0; c < k; c++) {
                double w = design.weights()[c].doubleValue();
                double n = design.audited()[c];
                double p = draws[i][c] / n;
                t += w * p;
                variance += w * w * p * (1 - p) / n;
            }
            int sign = design.sign(draws[i]);
            below += sign < 0 ? 1 : 0;
            equal += sign == 0 ? 1 : 0;
            sum += t - estimate;
            squares += (t - estimate) * (t - estimate);
            if (!studentized) {
                values[i] = t;
            } else if (sign == 0) {
                values[i] = 0;
            } else if (variance > 0) {
                values[i] = (t - estimate) / Math.sqrt(variance);
            } else {
                values[i] = sign < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
        }
        Arrays.sort(values);
        return new Expected(values, below, equal, sum, squares);
    }

    private static void assertDistribution(Expected expected, LinearStatistic statistic, int b, long seed,
                                           boolean studentized, String what) {
        assertNull(CountTally.plan(statistic, statistic.samplers(), b), what + ": the replicates must not be tallied");
        double estimate = statistic.loopEstimate();
        MonteCarloDistribution d = BinomialResampler.run(statistic, estimate, b, source(seed), 1, ProgressListener.NONE,
                new Cancellation(), studentized);
        double[] actual = d.sortedValues();
        assertEquals(b, actual.length, what);
        for (int i = 0; i < b; i++) {
            double e = expected.values()[i];
            if (Double.isInfinite(e) || e == 0) {
                assertEquals(e, actual[i], what + " replicate " + i);
            } else {
                assertEquals(e, actual[i], RELATIVE * Math.abs(e), what + " replicate " + i);
            }
        }
        assertEquals(expected.below(), d.below(), what + " below");
        assertEquals(expected.equal(), d.equal(), what + " equal");
        assertTrue(expected.below() > 0 && expected.equal() > 0, what + ": the data must give ties and values below");
        double mean = estimate + expected.sum() / b;
        double variance = (expected.squares() - expected.sum() * expected.sum() / b) / (b - 1);
        assertEquals(mean, d.mean(), RELATIVE * Math.abs(mean), what + " mean");
        assertEquals(variance, d.variance(), 1e-10 * variance, what + " variance");
    }

    @Test
    void oneCategory() {
        Design design = new Design(new long[] {120}, new long[] {300}, new BigFraction[] {BigFraction.ONE});
        int b = 101;
        assertDistribution(few(design, 5, b), LinearStatistic.of(Tally.of(120, 300)), b, 5, false, "one category");
    }

    @Test
    void aChangeOfOneCategory() {
        Design design = new Design(new long[] {12, 9}, new long[] {20, 20},
                new BigFraction[] {BigFraction.ONE, BigFraction.MINUS_ONE});
        int b = 801;
        assertDistribution(few(design, 6, b), LinearStatistic.change(Tally.of(9, 20), Tally.of(12, 20)), b, 6, false,
                "a change");
    }

    @Test
    void threeCategories() {
        Inspection inspection = inspection(new long[][] {{7, 12, 100}, {9, 15, 200}, {4, 10, 300}});
        int b = 1001;
        assertDistribution(few(of(inspection), 7, b), LinearStatistic.of(inspection), b, 7, false, "three categories");
    }

    @Test
    void fourCategoriesInChunks() {
        Inspection inspection = inspection(new long[][] {{7, 12, 100}, {9, 15, 200}, {4, 10, 300}, {5, 8, 400}});
        int b = 1301;
        assertDistribution(chunked(of(inspection), 8, b, false), LinearStatistic.of(inspection), b, 8, false,
                "four categories");
    }

    @Test
    void studentizedReplicatesWithZeroStandardErrors() {
        // six categories of 1 of 2 recorded: a replicate with every count at 0 or 2 has se* = 0 and
        // t* = -inf or +inf (about 1 in 64; the volumes 1 to 6 hundred make no such replicate a tie)
        Inspection inspection = inspection(new long[][] {{1, 2, 100}, {1, 2, 200}, {1, 2, 300}, {1, 2, 400},
                {1, 2, 500}, {1, 2, 600}});
        int b = 601;
        Expected expected = chunked(of(inspection), 9, b, true);
        assertTrue(Double.isInfinite(expected.values()[0]) && Double.isInfinite(expected.values()[b - 1]),
                "the data must give se* = 0 both sides");
        assertDistribution(expected, LinearStatistic.of(inspection), b, 9, true, "studentized");
    }

    @Test
    void studentizedChangeOfOneCategory() {
        // the chunked loop serves studentized replicates of few categories too
        Design design = new Design(new long[] {30, 25}, new long[] {50, 40},
                new BigFraction[] {BigFraction.ONE, BigFraction.MINUS_ONE});
        int b = 1025;
        assertDistribution(chunked(design, 10, b, true), LinearStatistic.change(Tally.of(25, 40), Tally.of(30, 50)), b,
                10, true, "studentized change");
    }
}
